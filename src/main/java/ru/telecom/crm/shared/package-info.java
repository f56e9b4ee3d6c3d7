/**
 * What every module may use: the problem kinds the API reports, phone numbers, and the
 * retry of a transaction that lost a unique-key race. Kept tiny on purpose.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package ru.telecom.crm.shared;

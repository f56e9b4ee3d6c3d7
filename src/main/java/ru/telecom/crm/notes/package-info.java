/**
 * Internal work notes and attached files of requests and incidents (DESIGN §13), stored
 * with the item in our database and logged in its activity. Who may read or add them is
 * not decided here: the doors (API, console) ask the {@code access} module about the item
 * first, as for every other read and change of it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "status" })
package ru.telecom.crm.notes;

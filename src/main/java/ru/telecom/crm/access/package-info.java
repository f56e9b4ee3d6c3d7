/**
 * Who may see and change what (DESIGN §3), in one place below every door: the API, the
 * console, the task listeners and the engine's grants ask it. Role questions go to the
 * directory's user.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "directory", "catalog", "servicerequest", "incident" })
package ru.telecom.crm.access;

package ru.telecom.crm.directory;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Who users are: the {@code directory} module's face. */
public interface Directory {

	/** The group of Camunda administrators. */
	String ADMIN_GROUP = "camunda-admin";

	/** The group of first-line agents, whose queue holds unattended requests. */
	String HELPDESK_GROUP = "helpdesk";

	/** The authority Spring Security gives a member of a group: {@code GROUP_<id>}. */
	static String groupAuthority(String groupId) {
		return "GROUP_" + groupId;
	}

	Optional<DirectoryUser> findUser(String userId);

	/** The manager's department: the users whose manager id is {@code managerId}. */
	List<DirectoryUser> department(String managerId);

	/** Everyone some user names as their manager: the heads of departments. */
	Set<String> managerIds();

	/** The members of a group, by username. */
	List<DirectoryUser> membersOf(String groupId);

}

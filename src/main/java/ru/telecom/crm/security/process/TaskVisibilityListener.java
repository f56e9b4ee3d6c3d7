package ru.telecom.crm.security.process;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;

import org.springframework.stereotype.Component;

import ru.telecom.crm.access.AccessPolicy;
import ru.telecom.crm.security.InstanceGrants;
import ru.telecom.crm.security.TaskListColumns;
import ru.telecom.crm.shared.EngineCalls;

/**
 * Lets managers see their people's tasks in Tasklist (DESIGN §3): when a task is created
 * or assigned, the assignee's manager and the manager of the work group whose queue it is
 * in may read it and hand it to someone else. The engine itself grants the assignee and
 * the candidate groups. Who those managers are is the access policy's answer. They also
 * see the task's process in Cockpit. A new task also gets its own copy of what Tasklist's
 * list shows of it ({@link TaskListColumns}): its item's number, priority, client and
 * opening time.
 */
@Component
class TaskVisibilityListener implements TaskListener {

	private final AuthorizationService authorizations;

	private final AccessPolicy access;

	TaskVisibilityListener(AuthorizationService authorizations, AccessPolicy access) {
		this.authorizations = authorizations;
		this.access = access;
	}

	@Override
	public void notify(DelegateTask task) {
		String process = task.getProcessInstanceId();
		boolean created = TaskListener.EVENTNAME_CREATE.equals(task.getEventName());
		AccessPolicy.TaskItem item = this.access.itemOfTask(process, created);
		if (created) {
			// its name, priority and opening time are the item's, and the list's columns
			TaskListColumns.copyOnto(task, item);
		}
		Set<String> groups = new LinkedHashSet<>();
		task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).forEach(groups::add);
		Set<String> managers = this.access.managersOfTask(item, task.getAssignee(), groups);
		if (!created && hadAnotherAssignee(task)) {
			// unclaimed or handed on: whoever saw it for the one before no longer does
			Set<String> keep = new LinkedHashSet<>(managers);
			if (task.getAssignee() != null) {
				keep.add(task.getAssignee());
			}
			EngineCalls.asApp(() -> InstanceGrants.revokeAllBut(this.authorizations, task.getId(), process, keep));
		}
		EngineCalls.asApp(() -> managers.forEach((manager) -> {
			InstanceGrants.grantTask(this.authorizations, manager, task.getId(), created);
			InstanceGrants.grantInstance(this.authorizations, manager, process);
		}));
	}

	/** Whether the task was someone's before this assignment (not a first claim). */
	private static boolean hadAnotherAssignee(DelegateTask task) {
		if (!(task instanceof TaskEntity entity)) {
			return false;
		}
		PropertyChange change = entity.getPropertyChanges().get(TaskEntity.ASSIGNEE);
		return change != null && change.getOrgValue() != null;
	}

}

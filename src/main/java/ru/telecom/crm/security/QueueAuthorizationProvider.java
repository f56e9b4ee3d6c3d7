package ru.telecom.crm.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's task grants, made to follow DESIGN §3: a claimed task leaves the queue.
 * The engine grants a task's candidate groups when they are added and never takes the
 * grant back, so a colleague could still read and complete a task someone had claimed.
 * Here the queue's grant is taken back when the task gets an assignee and given back when
 * it is unclaimed; the previous assignee's grant goes with the assignment. Managers keep
 * theirs ({@code TaskVisibilityListener} grants them again on every assignment).
 */
class QueueAuthorizationProvider extends DefaultAuthorizationProvider {

	@Override
	public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
		if (oldAssignee != null && !oldAssignee.equals(newAssignee)) {
			revoke(getGrantAuthorizationByUserId(oldAssignee, Resources.TASK, task.getId()));
		}
		if (newAssignee != null) {
			candidateGroups(task)
				.forEach((group) -> revoke(getGrantAuthorizationByGroupId(group, Resources.TASK, task.getId())));
			return super.newTaskAssignee(task, oldAssignee, newAssignee);
		}
		List<AuthorizationEntity> queue = new ArrayList<>();
		for (String group : candidateGroups(task)) {
			queue.addAll(List.of(createOrUpdateAuthorizationsByGroupId(task, group)));
		}
		return queue.toArray(AuthorizationEntity[]::new);
	}

	@Override
	public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
		// an assigned task is not in anyone's queue
		return (task.getAssignee() != null) ? null : super.newTaskGroupIdentityLink(task, groupId, type);
	}

	private void revoke(AuthorizationEntity grant) {
		if (grant != null) {
			// the engine's own bookkeeping, not the caller's: no check of their rights
			Context.getCommandContext().runWithoutAuthorization(() -> {
				getAuthorizationManager().delete(grant);
				return null;
			});
		}
	}

	private static List<String> candidateGroups(Task task) {
		if (!(task instanceof TaskEntity entity)) {
			return List.of();
		}
		return entity.getIdentityLinks()
			.stream()
			.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.map(IdentityLinkEntity::getGroupId)
			.filter(Objects::nonNull)
			.toList();
	}

}

package ru.telecom.crm.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tasklist's page is Camunda's own but for one attribute, which leaves out two of its
 * plugins (DESIGN §13: our notes and the item's history are the only ones): the History
 * tab and the "Add Comment" action. The tab read the engine's operation log of the task
 * and its comments; agents and engineers have no history rights, so it stood empty, and a
 * definition-wide history grant would show them every item's log. Camunda's comments are
 * refused to all but administrators at both engine doors, so the action only failed. The
 * task form links to the item's page instead, where its history and notes are kept under
 * DESIGN §3.
 */
class TasklistPageTests {

	private static final String PAGE = "META-INF/resources/webjars/camunda/app/tasklist/index.html";

	private static final String EXCLUSION = "cam-exclude-plugins=\"tasklist.task.detail:task-detail-history,tasklist.task.action:task-action-comment\"";

	@Test
	void ourPageIsServedInsteadOfTheWebjarsAndLeavesOutTheHistoryTab() throws IOException {
		List<URL> pages = Collections.list(getClass().getClassLoader().getResources(PAGE));

		assertThat(pages).hasSize(2);
		assertThat(pages.get(0).toString()).doesNotContain("camunda-webapp-webjar");
		assertThat(read(pages.get(0))).contains(EXCLUSION);
	}

	@Test
	void ourPageIsTheWebjarsPageOfThisCamundaVersionButForTheExclusion() throws IOException {
		List<URL> pages = Collections.list(getClass().getClassLoader().getResources(PAGE));
		String ours = read(pages.get(0));
		String camundas = read(pages.get(1));

		// after an upgrade of Camunda, copy its new page and add the attribute again
		assertThat(pages.get(1).toString()).contains("camunda-webapp-webjar");
		assertThat(ours.replace("\n        " + EXCLUSION, "")).isEqualTo(camundas);
	}

	private static String read(URL url) throws IOException {
		try (InputStream in = url.openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}

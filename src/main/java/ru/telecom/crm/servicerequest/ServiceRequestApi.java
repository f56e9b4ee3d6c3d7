package ru.telecom.crm.servicerequest;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * Service requests as the other modules read them. What people do to a request goes
 * through its process ({@link RequestActions}); the raw transitions the process's
 * delegates make stay inside the module ({@code domain.RequestTransitions}).
 */
public interface ServiceRequestApi {

	Optional<ServiceRequestView> find(long id);

	/**
	 * The request whose process this is, through the link the app wrote when it started
	 * the process; never from a variable or business key a caller could set.
	 */
	long idOfProcess(String processInstanceId);

	/** The request whose process this is, if it is a request's, through the same link. */
	Optional<ServiceRequestView> findByProcess(String processInstanceId);

	/** A page of requests, newest first unless the page says otherwise. */
	Page<ServiceRequestView> search(RequestSearch search, Pageable page);

	/**
	 * The requests of the scope ({@code null} for all) that match any part of the query,
	 * newest first, at most {@code limit}: the search across everything.
	 */
	java.util.List<ServiceRequestView> find(RequestSearch.Scope scope, ru.telecom.crm.shared.ItemQuery query,
			int limit);

}

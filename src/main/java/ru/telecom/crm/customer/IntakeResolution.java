package ru.telecom.crm.customer;

/**
 * What the lookup found or made: the client and the order of a request, and where each
 * came from.
 */
public record IntakeResolution(long clientId, long orderId, Source clientSource, Source orderSource) {

	/** Where a client or an order came from. */
	public enum Source {

		/** Already in our database. */
		OURS,
		/** Copied from LegacyDB just now. */
		LEGACY,
		/** Found nowhere, created just now. */
		CREATED

	}

	/** The case of DESIGN §5, 1 to 4. */
	public int lookupCase() {
		return switch (this.clientSource) {
			case OURS -> (this.orderSource == Source.OURS) ? 1 : 2;
			case LEGACY -> 3;
			case CREATED -> 4;
		};
	}

}

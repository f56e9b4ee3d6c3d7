package ru.telecom.crm.channel.domain;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ru.telecom.crm.customer.CustomerApi;
import ru.telecom.crm.legacy.LegacyUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

/** Which word of a free-text message is its order code: only one whose order exists. */
class OrderCodesTests {

	private final CustomerApi customers = mock(CustomerApi.class);

	private final OrderCodes orderCodes = new OrderCodes(this.customers);

	@Test
	void everyWordThatLooksLikeACodeIsACandidateOnceInTheOrderWritten() {
		assertThat(OrderCodes.candidates("tv-2 is dead, order ord-1001 (ORD-1001), not IP-4x or ORD-"))
			.containsExactly("TV-2", "ORD-1001");
		assertThat(OrderCodes.candidates("no code here")).isEmpty();
		assertThat(OrderCodes
			.candidates("A-1 X-2 ab-3 " + "AB-1 ".repeat(3) + "CD-1 CD-2 CD-3 CD-4 CD-5 CD-6 CD-7 CD-8 CD-9 CD-10"))
			.hasSize(10)
			.startsWith("AB-3", "AB-1");
	}

	@Test
	void theCodeIsTheOneWhoseOrderExists() {
		given(this.customers.existingOrderCode(List.of("TV-2", "ORD-1001"))).willReturn(Optional.of("ORD-1001"));

		assertThat(this.orderCodes.namedIn("TV-2 is dead, my order ord-1001")).isEqualTo("ORD-1001");
	}

	@Test
	void aWordThatOnlyLooksLikeACodeIsNone() {
		given(this.customers.existingOrderCode(anyList())).willReturn(Optional.empty());

		assertThat(this.orderCodes.namedIn("my SIM-2 card is broken")).isNull();
	}

	@Test
	void aTextWithoutACandidateAsksNobody() {
		assertThat(this.orderCodes.namedIn("hello, my tv is broken")).isNull();
		verifyNoInteractions(this.customers);
	}

	@Test
	void whileLegacyDbIsDownAnUnprovenCodeIsHandedOnToCheckAndTheMessageStillGoesIn() {
		given(this.customers.existingOrderCode(anyList()))
			.willThrow(new LegacyUnavailableException(new RuntimeException("connection refused")));

		assertThat(this.orderCodes.read("ORD-1001 slow, TV-2 too"))
			.isEqualTo(new OrderCodes.Named(null, List.of("ORD-1001", "TV-2")));
		assertThat(this.orderCodes.namedIn("ORD-1001 slow")).isNull();
	}

}

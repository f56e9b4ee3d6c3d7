package ru.telecom.crm.customer.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.test.util.ReflectionTestUtils;

import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.customer.IntakeResolution;
import ru.telecom.crm.customer.IntakeResolution.Source;
import ru.telecom.crm.customer.OrderOfAnotherClientException;
import ru.telecom.crm.legacy.LegacyCustomer;
import ru.telecom.crm.legacy.LegacyDb;
import ru.telecom.crm.legacy.LegacyOrder;
import ru.telecom.crm.legacy.LegacyUnavailableException;
import ru.telecom.crm.shared.InvalidInputException;
import ru.telecom.crm.shared.Phones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/** The four lookup cases of DESIGN §5 and their rules, with the storage mocked. */
class CustomerLookupTests {

	private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

	private static final LegacyCustomer SMIRNOV = new LegacyCustomer(1, "Smirnov Alexey Petrovich", "8 (900) 111-22-33",
			" A.Smirnov@Example.com ", null, null);

	private static final LegacyOrder ORD_1001 = new LegacyOrder("ord-1001", 1, "Home internet 500 Mbit/s",
			new BigDecimal("650.00"), LocalDate.of(2024, 3, 12));

	private final ClientRepository clients = mock(ClientRepository.class);

	private final ClientOrderRepository orders = mock(ClientOrderRepository.class);

	private final LegacyDb legacy = mock(LegacyDb.class);

	private final AtomicLong ids = new AtomicLong(100);

	private CustomerService lookup;

	@BeforeEach
	void setUp() {
		this.lookup = new CustomerService(this.clients, this.orders, this.legacy, new Phones(new Phones.Settings("RU")),
				Clock.fixed(NOW, ZoneOffset.UTC));
		given(this.clients.saveAndFlush(any())).willAnswer((call) -> withId(call.getArgument(0)));
		given(this.orders.saveAndFlush(any())).willAnswer((call) -> withId(call.getArgument(0)));
		given(this.clients.findByPhone(anyString())).willReturn(Optional.empty());
		given(this.clients.findByLegacyId(anyLong())).willReturn(Optional.empty());
		given(this.orders.findByCode(anyString())).willReturn(Optional.empty());
		given(this.legacy.findCustomerByPhone(anyString())).willReturn(Optional.empty());
		given(this.legacy.findOrder(anyString())).willReturn(Optional.empty());
	}

	@Test
	void caseOneUsesOurClientAndOrderAndWritesNothing() {
		Client popov = ours(
				new Client(new PersonName("Popov", "Dmitry", null), "+79007778899", null, null, null, 3L, NOW));
		ClientOrder order = withId(
				new ClientOrder("ORD-3001", "Home internet", null, LocalDate.now(), popov.getId(), null, NOW));
		given(this.clients.findByPhone("+79007778899")).willReturn(Optional.of(popov));
		given(this.orders.findByCode("ORD-3001")).willReturn(Optional.of(order));

		IntakeResolution resolution = this.lookup.resolve(IntakeParty.of("8 900 777 88 99", "ord-3001"));

		assertThat(resolution.lookupCase()).isEqualTo(1);
		assertThat(resolution.clientId()).isEqualTo(popov.getId());
		assertThat(resolution.orderId()).isEqualTo(order.getId());
		verify(this.clients, never()).saveAndFlush(any());
		verify(this.orders, never()).saveAndFlush(any());
		verifyNoInteractions(this.legacy);
	}

	@Test
	void caseTwoCopiesTheLegacyOrderAndBindsItToOurClient() {
		Client popov = ours(new Client(new PersonName("Popov", null, null), "+79007778899", null, null, null, 3L, NOW));
		given(this.clients.findByPhone("+79007778899")).willReturn(Optional.of(popov));
		given(this.legacy.findOrder("ORD-3002")).willReturn(Optional
			.of(new LegacyOrder("ORD-3002", 3, "Static IP", new BigDecimal("150.00"), LocalDate.of(2024, 8, 30))));

		IntakeResolution resolution = this.lookup.resolve(IntakeParty.of("+79007778899", "ORD-3002"));

		assertThat(resolution.lookupCase()).isEqualTo(2);
		assertThat(resolution.orderSource()).isEqualTo(Source.LEGACY);
		ClientOrder copy = savedOrder();
		assertThat(copy.getClientId()).isEqualTo(popov.getId());
		assertThat(copy.getPrice()).isEqualByComparingTo("150.00");
		assertThat(copy.getCreatedOn()).isEqualTo(LocalDate.of(2024, 8, 30));
		assertThat(copy.getLegacyOrderNo()).isEqualTo("ORD-3002");
	}

	@Test
	void caseThreeCopiesTheLegacyClientEnrichedAndItsOrder() {
		given(this.legacy.findCustomerByPhone("+79001112233")).willReturn(Optional.of(SMIRNOV));
		given(this.legacy.findOrder("ORD-1001")).willReturn(Optional.of(ORD_1001));

		IntakeResolution resolution = this.lookup.resolve(IntakeParty.of("+7 900 111 22 33", "ORD-1001"));

		assertThat(resolution.lookupCase()).isEqualTo(3);
		assertThat(resolution.orderSource()).isEqualTo(Source.LEGACY);
		Client copy = savedClient();
		assertThat(copy.getName()).isEqualTo(new PersonName("Smirnov", "Alexey", "Petrovich"));
		assertThat(copy.getPhone()).isEqualTo("+79001112233");
		assertThat(copy.getEmail()).isEqualTo("a.smirnov@example.com");
		assertThat(copy.getLegacyId()).isEqualTo(1L);
		ClientOrder order = savedOrder();
		assertThat(order.getCode()).isEqualTo("ORD-1001");
		assertThat(order.getLegacyOrderNo()).isEqualTo("ord-1001");
	}

	@Test
	void caseThreeCreatesTheOrderWhenNoOneHasIt() {
		given(this.legacy.findCustomerByPhone("+79001112233")).willReturn(Optional.of(SMIRNOV));

		IntakeResolution resolution = this.lookup
			.resolve(new IntakeParty(null, "89001112233", null, null, null, null, "NEW-77", "Fibre upgrade"));

		assertThat(resolution.lookupCase()).isEqualTo(3);
		assertThat(resolution.orderSource()).isEqualTo(Source.CREATED);
		ClientOrder order = savedOrder();
		assertThat(order.getName()).isEqualTo("Fibre upgrade");
		assertThat(order.getPrice()).isNull();
		assertThat(order.getCreatedOn()).isEqualTo(LocalDate.of(2026, 11, 21));
	}

	@Test
	void caseFourCreatesClientAndOrderFromWhatTheAgentTyped() {
		IntakeResolution resolution = this.lookup.resolve(new IntakeParty(null, "8 (900) 555-66-77", " Ivanova ",
				"Olga", null, "OLGA@example.com", "new-1", null));

		assertThat(resolution.lookupCase()).isEqualTo(4);
		Client client = savedClient();
		assertThat(client.getName()).isEqualTo(new PersonName("Ivanova", "Olga", null));
		assertThat(client.getEmail()).isEqualTo("olga@example.com");
		assertThat(client.getLegacyId()).isNull();
		assertThat(savedOrder().getCode()).isEqualTo("NEW-1");
	}

	@Test
	void anOrderOfAnotherClientInOursIsAConflict() {
		Client popov = ours(new Client(new PersonName("Popov", null, null), "+79007778899", null, null, null, 3L, NOW));
		given(this.clients.findByPhone("+79007778899")).willReturn(Optional.of(popov));
		given(this.orders.findByCode("ORD-9")).willReturn(Optional
			.of(withId(new ClientOrder("ORD-9", null, null, LocalDate.now(), popov.getId() + 1, null, NOW))));

		assertThatThrownBy(() -> this.lookup.resolve(IntakeParty.of("+79007778899", "ORD-9")))
			.isInstanceOf(OrderOfAnotherClientException.class);
		verify(this.orders, never()).saveAndFlush(any());
	}

	@Test
	void aLegacyOrderOfAnotherLegacyCustomerIsAConflict() {
		Client popov = ours(new Client(new PersonName("Popov", null, null), "+79007778899", null, null, null, 3L, NOW));
		given(this.clients.findByPhone("+79007778899")).willReturn(Optional.of(popov));
		given(this.legacy.findOrder("ORD-1001")).willReturn(Optional.of(ORD_1001));

		assertThatThrownBy(() -> this.lookup.resolve(IntakeParty.of("+79007778899", "ORD-1001")))
			.isInstanceOf(OrderOfAnotherClientException.class);
		verify(this.orders, never()).saveAndFlush(any());
	}

	@Test
	void aClientMadeHereOwnsTheLegacyOrderOfTheCustomerWithItsPhone() {
		Client made = ours(
				new Client(new PersonName("Smirnov", null, null), "+79001112233", null, null, null, null, NOW));
		given(this.clients.findByPhone("+79001112233")).willReturn(Optional.of(made));
		given(this.legacy.findOrder("ORD-1001")).willReturn(Optional.of(ORD_1001));
		given(this.legacy.findCustomer(1)).willReturn(Optional.of(SMIRNOV));

		IntakeResolution resolution = this.lookup.resolve(IntakeParty.of("+79001112233", "ORD-1001"));

		assertThat(resolution.lookupCase()).isEqualTo(2);
		assertThat(made.getLegacyId()).isEqualTo(1L);
	}

	@Test
	void aLegacyCustomerCopiedBeforeUnderAnotherPhoneIsNotCopiedAgain() {
		Client copied = ours(
				new Client(new PersonName("Smirnov", null, null), "+79990000000", null, null, null, 1L, NOW));
		given(this.legacy.findCustomerByPhone("+79001112233")).willReturn(Optional.of(SMIRNOV));
		given(this.clients.findByLegacyId(1L)).willReturn(Optional.of(copied));

		IntakeResolution resolution = this.lookup.resolve(IntakeParty.of("+79001112233", "NEW-2"));

		assertThat(resolution.clientId()).isEqualTo(copied.getId());
		assertThat(resolution.clientSource()).isEqualTo(Source.OURS);
		verify(this.clients, never()).saveAndFlush(any());
	}

	@Test
	void aLegacyCustomerWithABadInnOrEmailIsCopiedWithoutThem() {
		given(this.legacy.findCustomerByPhone("+79004445566")).willReturn(Optional.of(new LegacyCustomer(2,
				"Kuznetsova Irina Olegovna", "+7 900 444-55-66", "n/a", "7707083894", "Romashka")));

		this.lookup.resolve(IntakeParty.of("+79004445566", "NEW-3"));

		Client copy = savedClient();
		assertThat(copy.getInn()).isNull();
		assertThat(copy.getEmail()).isNull();
		assertThat(copy.getOrgName()).isEqualTo("Romashka");
	}

	@Test
	void badInputIsReportedFieldByFieldBeforeAnythingIsLookedUp() {
		assertThatThrownBy(() -> this.lookup
			.resolve(new IntakeParty(null, "12", "x".repeat(101), null, null, "not-an-email", " ", null)))
			.isInstanceOf(InvalidInputException.class)
			.satisfies((ex) -> assertThat(((InvalidInputException) ex).fieldErrors()).containsOnlyKeys("clientPhone",
					"clientLastName", "clientEmail", "orderCode"));
		verifyNoInteractions(this.legacy);
		verify(this.clients, never()).findByPhone(anyString());
	}

	@Test
	void anOrderCodeWithStrangeCharactersIsRefused() {
		assertThatThrownBy(() -> this.lookup.resolve(IntakeParty.of("+79001112233", "ORD-1'; drop table client;--")))
			.isInstanceOf(InvalidInputException.class)
			.satisfies((ex) -> assertThat(((InvalidInputException) ex).fieldErrors()).containsOnlyKeys("orderCode"));
	}

	@Test
	void aLegacyOutageWritesNothing() {
		given(this.legacy.findCustomerByPhone(anyString()))
			.willThrow(new LegacyUnavailableException(new RuntimeException("connection refused")));

		assertThatThrownBy(() -> this.lookup.resolve(IntakeParty.of("+79001112233", "ORD-1001")))
			.isInstanceOf(LegacyUnavailableException.class);
		verify(this.clients, never()).saveAndFlush(any());
		verify(this.orders, never()).saveAndFlush(any());
	}

	@Test
	void anUnknownClientIdIsAValidationError() {
		given(this.clients.findById(42L)).willReturn(Optional.empty());

		assertThatThrownBy(() -> this.lookup.resolve(new IntakeParty(42L, null, null, null, null, null, "ORD-1", null)))
			.isInstanceOf(InvalidInputException.class)
			.satisfies((ex) -> assertThat(((InvalidInputException) ex).fieldErrors()).containsOnlyKeys("clientId"));
	}

	@Test
	void aWordFromFreeTextIsAnOrderCodeOnlyWhenThatOrderExistsOursFirst() {
		given(this.orders.existsByCode("ORD-3001")).willReturn(true);
		given(this.legacy.findOrder("ORD-1001")).willReturn(Optional.of(ORD_1001));

		assertThat(this.lookup.existingOrderCode(List.of("ord-1001", "ORD-3001"))).contains("ORD-3001");
		assertThat(this.lookup.existingOrderCode(List.of("IP-4", "ord-1001"))).contains("ORD-1001");
		assertThat(this.lookup.existingOrderCode(List.of("IP-4", "TV-2"))).isEmpty();
		assertThat(this.lookup.existingOrderCode(List.of())).isEmpty();
		verify(this.orders, never()).saveAndFlush(any());
		verify(this.clients, never()).saveAndFlush(any());
	}

	@Test
	void anOrderOfOursIsFoundWhileLegacyDbIsDownAndOtherwiseTheOutageIsReported() {
		given(this.orders.existsByCode("ORD-3001")).willReturn(true);
		given(this.legacy.findOrder(anyString()))
			.willThrow(new LegacyUnavailableException(new RuntimeException("connection refused")));

		assertThat(this.lookup.existingOrderCode(List.of("ORD-1001", "ORD-3001"))).contains("ORD-3001");
		assertThatThrownBy(() -> this.lookup.existingOrderCode(List.of("ORD-1001")))
			.isInstanceOf(LegacyUnavailableException.class);
	}

	private Client savedClient() {
		ArgumentCaptor<Client> saved = ArgumentCaptor.forClass(Client.class);
		verify(this.clients).saveAndFlush(saved.capture());
		List<Client> all = saved.getAllValues();
		return all.get(all.size() - 1);
	}

	private ClientOrder savedOrder() {
		ArgumentCaptor<ClientOrder> saved = ArgumentCaptor.forClass(ClientOrder.class);
		verify(this.orders).saveAndFlush(saved.capture());
		return saved.getValue();
	}

	private Client ours(Client client) {
		return withId(client);
	}

	private <T> T withId(T entity) {
		if (ReflectionTestUtils.getField(entity, "id") == null) {
			ReflectionTestUtils.setField(entity, "id", this.ids.incrementAndGet());
		}
		return entity;
	}

}

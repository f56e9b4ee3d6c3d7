package ru.telecom.crm.bench;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bench's rows in LegacyDB, written as its replication would (the app only reads it):
 * {@code rows} customers with phones {@code 8 (901) …} and, for every second one, an
 * order {@code BLC-n}; and {@code rows} orders {@code BLP-n} of Popov. Each intake of
 * case 2 or 3 takes the next one; past the last they come round again (and are then found
 * in our database, like case 1).
 */
final class LegacyRows {

	/** Their customer ids start above the demo's. */
	private static final long FIRST_CUSTOMER = 1_000_000;

	private LegacyRows() {
	}

	static void load(Psql psql, String database, int rows) {
		psql.query(database, """
				insert into customers (cust_id, full_name, phone)
				select %d + g, 'Benchev Legacy Ivanovich',
				       '8 (901) ' || substr(d, 1, 3) || '-' || substr(d, 4, 2) || '-' || substr(d, 6, 2)
				from generate_series(1, %d) g, lpad(g::text, 7, '0') d""".formatted(FIRST_CUSTOMER, rows), """
				insert into orders (order_no, cust_id, title, amount, created)
				select 'BLC-' || g, %d + g, 'Home internet 100 Mbit/s', 450.00, date '2024-01-15'
				from generate_series(2, %d, 2) g""".formatted(FIRST_CUSTOMER, rows), """
				insert into orders (order_no, cust_id, title, amount, created)
				select 'BLP-' || g, 3, 'Extra channel pack', 99.00, date '2024-02-01'
				from generate_series(1, %d) g""".formatted(rows), "analyze customers", "analyze orders");
	}

	/** The next row number of a sequence, 1 to {@code rows} and round again. */
	static long number(AtomicLong sequence, int rows) {
		return (sequence.getAndIncrement() % rows) + 1;
	}

	/** Row {@code n}'s phone, written as LegacyDB keeps it. */
	static String phone(long n) {
		String digits = "%07d".formatted(n);
		return "8 (901) " + digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-" + digits.substring(5);
	}

}

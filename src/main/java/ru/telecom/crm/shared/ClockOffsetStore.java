package ru.telecom.crm.shared;

/** Where a controllable {@link AppClock} keeps its offset across restarts. */
interface ClockOffsetStore {

	/** The offset kept, in milliseconds; zero when none was ever kept. */
	long read();

	void write(long offsetMillis);

}

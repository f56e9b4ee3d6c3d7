package ru.telecom.crm.notes;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What a file is, told by its content: the name never makes a type, only tells CSV. */
class FileTypeTests {

	@ParameterizedTest
	@CsvSource({ "255044462d312e370a25, report.pdf, PDF", "255044462d312e370a25, innocent.txt, PDF",
			"89504e470d0a1a0a0000000d49484452, shot.png, PNG", "89504e470d0a1a0a0000000d49484452, shot.jpg, PNG",
			"ffd8ffe000104a464946, photo.jpeg, JPEG", "504b0304140000000800, logs.zip, ZIP",
			"504b0506000000000000, empty.zip, ZIP" })
	void magicBytesTellTheBinaryTypesWhateverTheName(String hex, String name, FileType expected) {
		assertThat(FileType.of(bytes(hex), name)).contains(expected);
	}

	@ParameterizedTest
	@CsvSource({ "4d5a90000300000004000000, setup.pdf", "7f454c46020101000000, run.txt",
			"cafebabe0000003d0012, App.log", "1f8b0800000000000003, logs.zip", "0000000c6a5020200d0a870a, scan.png",
			"4749463839610100010080000000, cat.png" })
	void executablesAndOtherBinariesAreRefusedWhateverTheName(String hex, String name) {
		assertThat(FileType.of(bytes(hex), name)).isEmpty();
	}

	@Test
	void plainTextIsTextAndCsvWhenSoNamed() {
		byte[] text = "2026-12-01 10:00:01 ERROR link down\r\n\tat port 7\n".getBytes(StandardCharsets.UTF_8);

		assertThat(FileType.of(text, "router.log")).contains(FileType.TEXT);
		assertThat(FileType.of(text, "notes.txt")).contains(FileType.TEXT);
		assertThat(FileType.of("id;phone\n1;+79007778899\n".getBytes(StandardCharsets.UTF_8), "Export.CSV"))
			.contains(FileType.CSV);
	}

	@Test
	void textInRussianIsTextInUtf8AndInTheOldCodePage() {
		String russian = "Абонент жалуется на обрывы связи\n";

		assertThat(FileType.of(russian.getBytes(StandardCharsets.UTF_8), "a.txt")).contains(FileType.TEXT);
		assertThat(FileType.of(russian.getBytes(Charset.forName("windows-1251")), "a.log")).contains(FileType.TEXT);
	}

	@Test
	void aMailIsToldByItsHeaders() {
		String mail = "Return-Path: <client@mail.example>\r\nReceived: from mx.example\r\n by mx.telecom.example;"
				+ " Tue, 1 Dec 2026 10:00:00 +0300\r\nFrom: Client <client@mail.example>\r\nSubject: No internet\r\n"
				+ "Content-Type: text/plain; charset=utf-8\r\n\r\nHello, the line is down.\r\n";

		assertThat(FileType.of(mail.getBytes(StandardCharsets.UTF_8), "letter.txt")).contains(FileType.EML);
		assertThat(FileType.of("Note: not a mail\n\nJust text".getBytes(StandardCharsets.UTF_8), "x.eml"))
			.contains(FileType.TEXT);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "<!DOCTYPE html><html><body>hi</body></html>|page.txt", "  <script>alert(1)</script>|x.log",
					"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>|logo.csv",
					"<?xml version='1.0'?><svg/>|data.txt" })
	void markupABrowserWouldRunIsNotText(String content, String name) {
		assertThat(FileType.of(content.getBytes(StandardCharsets.UTF_8), name)).isEmpty();
	}

	@Test
	void textWithControlCharactersOrNoBytesAtAllIsRefused() {
		assertThat(FileType.of("abc\u0000def".getBytes(StandardCharsets.UTF_8), "a.txt")).isEmpty();
		assertThat(FileType.of("line\u0007bell".getBytes(StandardCharsets.UTF_8), "a.txt")).isEmpty();
		assertThat(FileType.of("hello".getBytes(StandardCharsets.UTF_16), "a.txt")).isEmpty();
		assertThat(FileType.of(new byte[0], "a.txt")).isEmpty();
	}

	@Test
	void eachTypeHasItsMediaType() {
		assertThat(FileType.PDF.mediaType()).isEqualTo("application/pdf");
		assertThat(FileType.EML.mediaType()).isEqualTo("message/rfc822");
		assertThat(FileType.CSV.mediaType()).isEqualTo("text/csv");
	}

	private static byte[] bytes(String hex) {
		return java.util.HexFormat.of().parseHex(hex);
	}

}

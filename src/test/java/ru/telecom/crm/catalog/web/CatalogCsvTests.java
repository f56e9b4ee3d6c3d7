package ru.telecom.crm.catalog.web;

import org.junit.jupiter.api.Test;

import ru.telecom.crm.catalog.CatalogImport;
import ru.telecom.crm.catalog.CatalogImport.ServiceEntry;
import ru.telecom.crm.catalog.CatalogImport.WorkGroupEntry;
import ru.telecom.crm.shared.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogCsvTests {

	@Test
	void rowsBecomeWorkGroupsAndServicesWhateverTheColumnOrder() {
		CatalogImport catalog = CatalogCsv.parse("""
				name,kind,code,workGroupCode,managerId,email
				Network operations,work_group,100,,olga,noc@example.com
				"IPTV, premium",SERVICE,1002,100,,
				""");

		assertThat(catalog.workGroups())
			.containsExactly(new WorkGroupEntry(100, "Network operations", "noc@example.com", "olga"));
		assertThat(catalog.services()).containsExactly(new ServiceEntry(1002, "IPTV, premium", 100));
	}

	@Test
	void aBadKindOrNumberIsReportedByLine() {
		assertThatThrownBy(() -> CatalogCsv.parse("""
				kind,code,name,email,managerId,workGroupCode
				PRODUCT,1,x,,,
				SERVICE,abc,y,,,100
				""")).isInstanceOf(InvalidInputException.class)
			.satisfies((ex) -> assertThat(((InvalidInputException) ex).fieldErrors()).containsOnlyKeys("line 2.kind",
					"line 3.code"));
	}

}

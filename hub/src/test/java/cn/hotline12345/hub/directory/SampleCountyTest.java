package cn.hotline12345.hub.directory;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hotline12345.hub.classify.Taxonomy;
import cn.hotline12345.hub.routing.ResponsibilityListFile;
import cn.hotline12345.hub.spreadsheet.Sheet;
import cn.hotline12345.hub.spreadsheet.Spreadsheets;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped sample county: its files read cleanly, its gazetteer resolves addresses, its list validates. */
class SampleCountyTest {

    private static Directory sample() {
        List<DirectoryFiles.DepartmentRow> rows = DirectoryFiles.sampleDepartments();
        List<Department> departments = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            DirectoryFiles.DepartmentRow r = rows.get(i);
            departments.add(new Department(
                    i + 1, r.code(), r.name(), r.kind(), null, r.contactName(), r.contactPhone(), r.aliases(), true));
        }
        return new Directory(departments, DirectoryFiles.sampleAreas());
    }

    @Test
    void theGazetteerResolvesTheMostSpecificArea() {
        Directory directory = sample();
        assertThat(directory
                        .resolveAddress("青溪县城关街道桂花苑5幢2单元")
                        .orElseThrow()
                        .area()
                        .name())
                .isEqualTo("南门社区");
        assertThat(directory.resolveAddress("城关街道某某小区").orElseThrow().area().name())
                .isEqualTo("城关街道");
        assertThat(directory.resolveAddress("青溪县").orElseThrow().area().level()).isEqualTo(AreaLevel.DISTRICT);
        assertThat(directory.resolveAddress("北京市朝阳区")).isEmpty();
        assertThat(directory.chain("330999001002").stream().map(Area::name).toList())
                .containsExactly("南门社区", "城关街道", "青溪县");
    }

    @Test
    void theShippedListValidatesAgainstTheShippedTaxonomy() {
        ResponsibilityListFile.Parsed parsed = ResponsibilityListFile.read(
                Spreadsheets.readCsv(DirectoryFiles.sampleResponsibilityList()), sample(), Taxonomy.shipped());
        assertThat(parsed.report().getJsonArray("errors")).isEmpty();
        assertThat(parsed.report().getJsonArray("uncoveredCategories")).isEmpty();
        assertThat(parsed.rows()).hasSizeGreaterThan(100);
    }

    @Test
    void xlsxAndGbkCsvReadBackTheSameCells() {
        Sheet sheet = Spreadsheets.readCsv(DirectoryFiles.sampleResponsibilityList());
        Sheet viaXlsx = Spreadsheets.read(Spreadsheets.toXlsx(sheet, "责任清单"));
        assertThat(viaXlsx.header()).isEqualTo(sheet.header());
        assertThat(viaXlsx.rows()).hasSameSizeAs(sheet.rows());
        for (int i = 0; i < sheet.rows().size(); i++) {
            for (String column : sheet.header()) {
                assertThat(viaXlsx.cell(viaXlsx.rows().get(i), column))
                        .isEqualTo(sheet.cell(sheet.rows().get(i), column));
            }
        }
        String text = new String(Spreadsheets.toCsv(sheet), java.nio.charset.StandardCharsets.UTF_8).substring(1);
        Sheet viaGbk = Spreadsheets.read(text.getBytes(Charset.forName("GB18030")));
        assertThat(viaGbk.cell(viaGbk.rows().get(0), "主办单位"))
                .isEqualTo(sheet.cell(sheet.rows().get(0), "主办单位"));
    }
}

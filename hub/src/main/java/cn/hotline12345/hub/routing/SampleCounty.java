package cn.hotline12345.hub.routing;

import cn.hotline12345.hub.classify.TaxonomyRepository;
import cn.hotline12345.hub.directory.Area;
import cn.hotline12345.hub.directory.DirectoryFiles;
import cn.hotline12345.hub.directory.DirectoryRepository;
import cn.hotline12345.hub.spreadsheet.Sheet;
import cn.hotline12345.hub.spreadsheet.Spreadsheets;
import io.vertx.core.Future;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sample county the hub ships (青溪县: its departments, streets, towns and communities, and a published
 * responsibility list), stored when the directory is empty so a fresh hub routes tickets at once. Centres replace it
 * by importing their own directory and list.
 */
public final class SampleCounty {

    private static final Logger log = LoggerFactory.getLogger(SampleCounty.class);

    private final List<DirectoryFiles.DepartmentRow> departments;
    private final List<Area> areas;
    private final Sheet list;

    private SampleCounty(List<DirectoryFiles.DepartmentRow> departments, List<Area> areas, Sheet list) {
        this.departments = departments;
        this.areas = areas;
        this.list = list;
    }

    /** Reads the shipped files; call off the event loop. */
    public static SampleCounty read() {
        return new SampleCounty(
                DirectoryFiles.sampleDepartments(),
                DirectoryFiles.sampleAreas(),
                Spreadsheets.readCsv(DirectoryFiles.sampleResponsibilityList()));
    }

    /** Stores the sample county if no department exists yet; answers whether it did. */
    public Future<Boolean> storeIfEmpty(
            DirectoryRepository directories, ResponsibilityListRepository lists, TaxonomyRepository taxonomies) {
        return directories.isEmpty().compose(empty -> {
            if (!empty) {
                return Future.succeededFuture(false);
            }
            return directories
                    .saveDepartments(departments, true, "system")
                    .compose(done -> directories.saveAreas(areas, "system"))
                    .compose(done -> directories.load())
                    .compose(directory -> taxonomies.active().compose(taxonomy -> {
                        ResponsibilityListFile.Parsed parsed = ResponsibilityListFile.read(list, directory, taxonomy);
                        if (!parsed.valid()) {
                            return Future.failedFuture(new IllegalStateException(
                                    "The shipped responsibility list does not validate: " + parsed.report()));
                        }
                        return lists.createDraft(
                                        "青溪县责任清单（示例）", "shipped sample", parsed.rows(), parsed.report(), "system")
                                .compose(version -> lists.publish(version, "system"));
                    }))
                    .map(done -> {
                        log.info(
                                "Stored the sample county 青溪县: {} departments, {} areas, responsibility list published",
                                departments.size(),
                                areas.size());
                        return true;
                    });
        });
    }
}

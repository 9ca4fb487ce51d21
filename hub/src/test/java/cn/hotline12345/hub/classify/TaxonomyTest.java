package cn.hotline12345.hub.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class TaxonomyTest {

    @Test
    void theShippedTaxonomyHasTheFifteenCategoriesAndSevenTypes() {
        Taxonomy taxonomy = Taxonomy.shipped();

        assertThat(taxonomy.types()).containsExactly("咨询", "求助", "投诉", "举报", "建议", "表扬", "其他");
        assertThat(taxonomy.categories()).hasSize(15);
        assertThat(taxonomy.categories().get(0).name()).isEqualTo("城乡建设");
        assertThat(taxonomy.categories()).allMatch(c -> c.children().size() >= 5);
        assertThat(ShippedModels.load(ShippedModels.Target.CATEGORY).labels()).allMatch(taxonomy::hasCategory);
    }

    @Test
    void roundTripsThroughJson() {
        Taxonomy taxonomy = Taxonomy.shipped();
        assertThat(Taxonomy.fromJson(taxonomy.toJson(), 3).categories()).isEqualTo(taxonomy.categories());
    }

    @Test
    void rejectsBrokenDocuments() {
        assertThatThrownBy(
                        () -> Taxonomy.fromJson(new JsonObject().put("types", new io.vertx.core.json.JsonArray()), 1))
                .hasMessageContaining("types");
        assertThatThrownBy(() -> Taxonomy.fromJson(
                        new JsonObject("{\"types\":[\"咨询\",\"咨询\"],\"categories\":[{\"name\":\"民政\"}]}"), 1))
                .hasMessageContaining("appears twice");
        assertThatThrownBy(() ->
                        Taxonomy.fromJson(new JsonObject("{\"types\":[\"咨询\"],\"categories\":[{\"name\":\"\"}]}"), 1))
                .hasMessageContaining("non-empty");
    }
}

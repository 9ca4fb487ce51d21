package cn.hotline12345.hub.classify;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The request types (诉求类型) and the category tree (分类体系): first-level categories with second-level ones beneath.
 * Admins replace it by importing a new version; the shipped default is {@code classify/taxonomy.json}.
 *
 * @param version the version number (0 for the shipped default)
 * @param types the request types, e.g. 咨询
 * @param categories the first-level categories with their children
 */
public record Taxonomy(int version, List<String> types, List<Category> categories) {

    /**
     * One category and its subcategories.
     *
     * @param name the Chinese name, e.g. 城乡建设
     * @param children second-level categories
     */
    public record Category(String name, List<String> children) {}

    /** The taxonomy inside the jar. */
    public static Taxonomy shipped() {
        try (InputStream in = Taxonomy.class.getClassLoader().getResourceAsStream("classify/taxonomy.json")) {
            if (in == null) {
                throw new IllegalStateException("classify/taxonomy.json is missing from the jar");
            }
            return fromJson(new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads {@code {"types": [...], "categories": [{"name": ..., "children": [{"name": ...}]}]}}; throws {@link
     * IllegalArgumentException} naming what is wrong.
     */
    public static Taxonomy fromJson(JsonObject json, int version) {
        if (!(json.getValue("types") instanceof JsonArray types) || types.isEmpty()) {
            throw new IllegalArgumentException("'types' must be a non-empty array");
        }
        if (!(json.getValue("categories") instanceof JsonArray categories) || categories.isEmpty()) {
            throw new IllegalArgumentException("'categories' must be a non-empty array");
        }
        List<String> typeNames = new ArrayList<>();
        for (Object type : types) {
            typeNames.add(name(type, "types"));
        }
        unique(typeNames, "types");
        List<Category> tree = new ArrayList<>();
        for (Object entry : categories) {
            if (!(entry instanceof JsonObject category)) {
                throw new IllegalArgumentException("every category must be an object with a 'name'");
            }
            String name = name(category.getValue("name"), "categories");
            List<String> children = new ArrayList<>();
            Object childrenValue = category.getValue("children", new JsonArray());
            if (!(childrenValue instanceof JsonArray childList)) {
                throw new IllegalArgumentException("'children' of " + name + " must be an array");
            }
            for (Object child : childList) {
                children.add(name(child instanceof JsonObject o ? o.getValue("name") : child, name));
            }
            unique(children, name);
            tree.add(new Category(name, List.copyOf(children)));
        }
        unique(tree.stream().map(Category::name).toList(), "categories");
        return new Taxonomy(version, List.copyOf(typeNames), List.copyOf(tree));
    }

    /** The document {@link #fromJson} reads, with the version. */
    public JsonObject toJson() {
        JsonArray tree = new JsonArray();
        for (Category category : categories) {
            JsonArray children = new JsonArray();
            category.children().forEach(child -> children.add(new JsonObject().put("name", child)));
            tree.add(new JsonObject().put("name", category.name()).put("children", children));
        }
        return new JsonObject()
                .put("version", version)
                .put("types", new JsonArray(types))
                .put("categories", tree);
    }

    /** Whether {@code category} is a first-level category of this taxonomy. */
    public boolean hasCategory(String category) {
        return categories.stream().anyMatch(c -> c.name().equals(category));
    }

    private static String name(Object value, String where) {
        if (!(value instanceof String text) || text.isBlank() || text.strip().length() > 64) {
            throw new IllegalArgumentException(
                    "names in '" + where + "' must be non-empty strings of at most 64 characters");
        }
        return text.strip();
    }

    private static void unique(List<String> names, String where) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("'" + name + "' appears twice in '" + where + "'");
            }
        }
    }
}

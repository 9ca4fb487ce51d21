package cn.hotline12345.hub.routing;

/**
 * What routing looks at in a request.
 *
 * @param category the first-level category
 * @param subcategory the second-level category, or null
 * @param requestType the request type, or null
 * @param areaCode the area the request concerns, or null
 * @param text the request's title and content, searched for rows' keywords
 */
public record RoutingQuery(String category, String subcategory, String requestType, String areaCode, String text) {}

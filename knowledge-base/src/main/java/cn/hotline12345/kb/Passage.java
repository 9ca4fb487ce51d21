package cn.hotline12345.kb;

/**
 * A passage of a policy document (an article or clause), answerable with a citation.
 *
 * @param id database id
 * @param documentId the document
 * @param label where it is, e.g. 第十二条 or 第三章 第十二条（二）
 * @param text its text
 * @param citation how to cite it, e.g. 《住房公积金管理条例》（国务院令第350号）第二十四条
 */
public record Passage(long id, long documentId, String label, String text, String citation) {}

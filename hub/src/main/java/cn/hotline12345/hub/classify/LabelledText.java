package cn.hotline12345.hub.classify;

/**
 * One labelled example for training or evaluation.
 *
 * @param text the citizen's text
 * @param label the correct label, e.g. 城乡建设 or 投诉
 * @param line where it came from in its file (1-based), or 0
 */
public record LabelledText(String text, String label, int line) {}

/**
 * The policy Q&amp;A knowledge base (政策问答库): curated entries, policy documents and Chinese retrieval. It never
 * depends on the hub or the channels; the hub exposes it over HTTP and the CLI.
 */
package cn.hotline12345.kb;

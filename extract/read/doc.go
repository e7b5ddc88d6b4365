// Package read turns path arguments into article documents (article.Doc with Meta and
// Text), the first stage of extraction.
//
// Inputs, chosen by extension (case-insensitive):
//
//   - .txt, .text, .md, .markdown: the file content is Doc.Text, byte for byte.
//   - .html, .htm, .xhtml: the main text found by go-trafilatura (with its fallback
//     extractors), rendered as paragraphs separated by blank lines; offsets refer to that
//     text. Title and URL come from the page metadata; the publication date from the page
//     metadata (PublishedSource "metadata") or, failing that, go-htmldate's extensive
//     search (PublishedSource "html"), whose date parser is newsgraph's English one
//     (third_party/dateparser-en in place of go-dateparser: dates written in other
//     languages are not read from the page text).
//   - .jsonl, .ndjson: one article per line, {"id","title","url","published","text"};
//     streamed, so a corpus of any size never sits in memory. "published" is normalised
//     to YYYY-MM-DD (PublishedSource "metadata") or dropped when it is not a full date.
//   - a directory: every supported file under it, recursively, in lexical order; hidden
//     files and directories are skipped, other extensions are skipped with a notice.
//   - "-": standard input, read as .jsonl when its first non-blank byte is '{', else as
//     one plain-text document.
//
// Article ids are stable for the same document and distinct for different documents: a
// .jsonl record's own id; else, for a record with a url, URLID (the url's last segment
// and a hash of the url); else ContentID: the file stem ("stdin" for standard input), a
// hyphen and 8 hex digits of the hash of the text ("index-3fa2c1d9"). Two files called
// index.txt in two folders are two articles; the same text read twice is one.
// Meta.DocKey names a file across edits — its absolute path ("" for standard input and
// .jsonl records): loading an article replaces the stored articles with the same DocKey
// (graph.Article.DocKey). Meta.Source is the path as given (or as found under a given
// directory), Meta.Hash the first 16 hex digits of the SHA-256 of Text, Meta.Words the
// number of words of Text. For plain text the title and the dateline are found by the
// cleaner (package clean), which knows what is boilerplate.
//
// Bad input never stops a run: a file (or .jsonl line) that is empty, binary (NUL bytes,
// or more than 1% control characters), not UTF-8, over the size cap (DefaultMaxBytes; for
// .jsonl the cap applies per record), HTML without main text, or a malformed record is
// reported as a *FileError ("path:line: reason") and reading goes on.
//
//	r := read.New(read.Options{})
//	for doc, err := range r.Docs(paths...) {
//		if err != nil {
//			slog.Warn("skipped", "err", err) // a *FileError
//			continue
//		}
//		...
//	}
package read

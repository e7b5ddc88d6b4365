// Package clean separates the article from the boilerplate around it in plain text, in
// the manner of jusText (Pomikálek 2011), and finds the headline and the dateline.
//
// The unit is the line (the lines of a hard-wrapped paragraph are joined: a line that does
// not end a sentence, followed by one starting in lower case, or ending with a comma or a
// function word). Each line is first judged alone:
//
//   - dropped for good by rules: generic template phrases (data/cues.txt: "Read more:",
//     "You may also like", "Share this article", cookie and newsletter banners), lone
//     words and short all-caps labels, Title-Case and markdown headings, bylines,
//     comma-separated keyword lists, lines of URLs/markup/menu separators, lines with few
//     letters, lines that are only a date, photo credits (data/credits.txt);
//   - otherwise classified by length and stop-word density (data/stopwords_en.txt):
//     good (long, prose-like), near-good, short, or bad. News leads are full of names, so
//     for lines that end like a sentence capitalised words inside a sentence are left out
//     of the density. A line that does not end like a sentence is at most "short".
//
// Then structure and context decide: runs of headline-like lines (three or more, two or
// more under a short heading, any under a template cue) are link lists and dropped
// wherever they are; a short line is kept only between good ones, a near-good line unless
// both its neighbours are bad. So what trails the article ("Exit"-style labels, "more
// stories" lists, share buttons) goes, and a short quote between paragraphs stays.
//
// Partial cuts keep the rest of a line: an agency dateline opening the first paragraph
// ("WASHINGTON, Nov 23 (Reuters) - ") and a credit after a caption's last sentence
// ("... defense spending. Reuters", "... Press Service/AFP (via Getty Images)", a glued
// agency slug "France./REL") are dropped spans of their own.
//
// The headline: when Meta.Title is empty, the longest headline-like line (4 to 30 words,
// not a sentence, not template text; a markdown "# " heading first) before the first
// paragraph among the first Options.HeaderLines lines. It goes to Meta.Title and is
// dropped from the blocks, with any repeat of it (also cut short) near the top.
//
// The dateline: a line among the first ones that is a full date with little around it
// ("07:38 GMT02 April 2020", "Updated 14:05, 3 March 2025", "2024-11-23") or an agency
// dateline with a year. Its date goes to Meta.Published (YYYY-MM-DD, PublishedSource
// "dateline") unless the metadata already gave one. Only full dates count: "Nov 23"
// without a year sets nothing.
//
// The text is never rewritten: Doc.Blocks and Doc.Dropped are byte spans of Doc.Text, in
// order and non-overlapping; blank lines belong to neither.
package clean

// Package segment splits the kept blocks of a document into sentences and tokens, with
// byte offsets into Doc.Text.
//
// Sentences: a newline always ends one (headlines and leftovers never glue onto the next
// sentence), except inside a block the cleaner joined from a hard-wrapped paragraph (a
// block spanning lines), where a newline is a space. Within a line, a sentence ends at
// . ! ? or … followed by white space and a character that is not lower case; closing
// quotes and brackets after the punctuation belong to the sentence ("committed.”").
// A single period does not end a sentence after a title ("Mr.", "Dr.", "Gen.", "Sen.",
// "St."), after "No."/"Art."/"pp." before a number, or after a month, a company suffix,
// an initial or an initialism ("Jan.", "Inc.", "J.", "U.S.") unless the next word usually
// opens a sentence ("the U.S. This includes" splits, "the U.S. Defense Secretary" does
// not). After a number it does: "on April 3. He will" is two sentences.
//
// This splitter replaced gopkg.in/neurosnap/sentences (Punkt): it agrees with it on
// abbreviations, does not split "“Why?” he asked", and is faster.
//
// Tokens: UAX #29 words (github.com/clipperhouse/uax29/v2) without white space, then
// hyphenated words joined ("President-elect"), the period kept on abbreviations and
// initialisms ("Mr.", "U.S."), periods of an ellipsis joined, and clitics split as in the
// Penn Treebank ("Trump's" -> "Trump" + "'s", "don't" -> "do" + "n't"), so a tagger trained
// on it sees familiar tokens. Token.Text is a substring of Doc.Text.
package segment

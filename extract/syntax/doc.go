// Package syntax is the parse stage of the pipeline (read -> clean -> segment -> parse ->
// recognize -> ...): it splits each sentence's tokens into words as Universal Dependencies'
// English EWT treebank splits them (Words), has the tagger and parser of package model
// analyse them, and stores the result on the Doc: Sentence.Words with UPOS, XPOS, lemma,
// head and relation, and on each token the index of its word (Token.Word) and its tag
// (Token.Tag = the word's XPOS). article.Sentence's helpers (Root, Children, Subject,
// Object, Subtree) read the tree.
//
// Requires: Doc.Sentences with tokens (segment). Assigns: Sentence.Words, Token.Word,
// Token.Tag. The words of the hyphen, contraction and emoticon rules are data files
// (data/), learned from the treebank's training file.
package syntax

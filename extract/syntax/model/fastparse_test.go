package model

import (
	"bytes"
	"strings"
	"testing"
)

// devOrGolden returns the word lists of EWT dev, or of the golden sentences when
// ../shared is absent.
func devOrGolden() [][]string {
	var sents [][]string
	dev, _ := readEWT("en_ewt-ud-dev.conllu", 1<<30)
	for _, s := range dev {
		sents = append(sents, s.Forms())
	}
	if len(sents) == 0 {
		for _, s := range goldenSentences {
			sents = append(sents, strings.Fields(s))
		}
	}
	return sents
}

// TestFastCachesMatchPlainParse: the fast model's parse with its caches of per-word scores
// (the tagger's words and neighbours, the transition classifier's positions, the
// labeller's dependent and head) gives the trees of the plain parse, which scores every
// feature of one list (tagSentence, parseSentence), on EWT dev with one work reused across
// sentences (so that the caches hit).
func TestFastCachesMatchPlainParse(t *testing.T) {
	m := fastTestModel(t)
	cached := &work{}
	var plain work
	for _, words := range devOrGolden() {
		m.tag(words, cached)
		m.parse(cached, m.first())
		plain.words = grow(plain.words, len(words))
		for i, x := range words {
			describe(x, &plain.words[i], m.clusters)
		}
		plain.tags, plain.first = grow(plain.tags, len(words)), grow(plain.first, len(words))
		plain.buf.scores = grow(plain.buf.scores, len(m.upos))
		plain.buf.keys = tagSentence(true, m.tagger, nil, plain.words, plain.tags, plain.first, plain.buf.keys, plain.buf.scores)
		plain.sent.fill(plain.words, plain.tags, m.kinds)
		plain.sent.fast = true
		plain.st.reset(len(words))
		plain.buf.scores = grow(plain.buf.scores, nmoves)
		plain.buf.lscores = grow(plain.buf.lscores, len(m.labels.names))
		parseSentence(m.parser, m.labeller, &m.labels, &plain.sent, &plain.st, &plain.buf)
		for i := range words {
			if cached.tags[i] != plain.tags[i] || cached.st.head[i] != plain.st.head[i] || cached.st.label[i] != plain.st.label[i] {
				t.Fatalf("%q word %d: cached tag %d head %d label %d, plain %d %d %d", words, i,
					cached.tags[i], cached.st.head[i], cached.st.label[i], plain.tags[i], plain.st.head[i], plain.st.label[i])
			}
		}
	}
}

// TestFastCachesFollowTheClassifiers: the caches of a model's pooled works are refilled
// when its classifiers change (as training changes them between epochs): after parsing
// with one set of weights and swapping in others, the parses are those of a model loaded
// with the others.
func TestFastCachesFollowTheClassifiers(t *testing.T) {
	sents := devOrGolden()[:300]
	swapped, err := load(bytes.NewReader(embeddedFast), true)
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := load(bytes.NewReader(embeddedFast), true)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sents {
		swapped.Parse(s) // fill the caches
	}
	swapped.tagger, swapped.parser, swapped.labeller = swapped.tagger.prune(2), swapped.parser.prune(4), swapped.labeller.prune(3)
	fresh.tagger, fresh.parser, fresh.labeller = fresh.tagger.prune(2), fresh.parser.prune(4), fresh.labeller.prune(3)
	differ := 0
	for _, s := range sents {
		a, b := renderTree(s, swapped.Parse(s)), renderTree(s, fresh.Parse(s))
		if a != b {
			t.Fatalf("after the swap, parses differ from a model loaded with the new weights:\n%s\n%s", a, b)
		}
		if a != renderTree(s, fastTestModel(t).Parse(s)) {
			differ++
		}
	}
	if differ == 0 {
		t.Fatal("the pruned weights parse every sentence as the embedded ones: the test shows nothing")
	}
}

// TestWordCacheSpreadsWords: the fast tagger's word cache uses most of its entries over
// EWT dev (a lowercase word's form and lowercase hashes are equal; an index that cancelled
// them put every lowercase word in one entry).
func TestWordCacheSpreadsWords(t *testing.T) {
	m := fastTestModel(t)
	w := &work{}
	words := 0
	for _, s := range devOrGolden() {
		m.tag(s, w)
		words += len(s)
	}
	used := 0
	for _, u := range w.wordScores.used {
		if u {
			used++
		}
	}
	if want := min(wordCacheSize*8/10, words/8); used < want {
		t.Fatalf("%d of %d word cache entries used after %d words, want at least %d", used, wordCacheSize, words, want)
	}
}

package model

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/extract/syntax/conllu"
)

// example is a training or evaluation sentence with its gold analysis as class ids.
type example struct {
	words  []string
	ws     []wordInfo
	gold   []int32 // gold tag class (none when the tag set lacks it)
	heads  []int32 // gold head (root = n)
	labels []int32 // gold label (none when the label set lacks it)
	tags   []int32 // the tags the parser trains on (jackknifed predictions)
}

// tagSet is the tagger's classes: each seen UPOS+XPOS pair.
type tagSet struct {
	upos, xpos []string
	index      map[string]int32
}

func jointTag(w *conllu.Word) string { return w.UPOS + "\t" + w.XPOS }

// collectSets builds the tag set and label set of the training sentences, sorted so that
// the same data always gives the same ids.
func collectSets(sents []*conllu.Sentence) (tagSet, []string) {
	tagSeen, labSeen := map[string]bool{}, map[string]bool{}
	for _, s := range sents {
		for i := range s.Words {
			tagSeen[jointTag(&s.Words[i])] = true
			labSeen[s.Words[i].Deprel] = true
		}
	}
	joint := sortedKeys(tagSeen)
	ts := tagSet{index: map[string]int32{}}
	for i, j := range joint {
		u, x, _ := strings.Cut(j, "\t")
		ts.upos, ts.xpos = append(ts.upos, u), append(ts.xpos, x)
		ts.index[j] = int32(i)
	}
	return ts, sortedKeys(labSeen)
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// examples converts sentences to examples with the given tag and label ids.
func examples(sents []*conllu.Sentence, ts tagSet, labelNames []string, ct *clusterTable) []*example {
	labIndex := map[string]int32{}
	for i, l := range labelNames {
		labIndex[l] = int32(i)
	}
	out := make([]*example, 0, len(sents))
	for _, s := range sents {
		n := len(s.Words)
		if n == 0 {
			continue
		}
		ex := &example{words: s.Forms(), ws: make([]wordInfo, n), gold: make([]int32, n),
			heads: make([]int32, n), labels: make([]int32, n), tags: make([]int32, n)}
		for i := range s.Words {
			w := &s.Words[i]
			describe(w.Form, &ex.ws[i], ct)
			ex.gold[i] = lookup(ts.index, jointTag(w))
			ex.labels[i] = lookup(labIndex, w.Deprel)
			ex.heads[i] = int32(w.Head - 1)
			if w.Head <= 0 || w.Head > n {
				ex.heads[i] = int32(n)
			}
		}
		out = append(out, ex)
	}
	return out
}

func lookup(m map[string]int32, k string) int32 {
	if v, ok := m[k]; ok {
		return v
	}
	return none
}

// reverse turns ex around (word i becomes word n-1-i; the root stays n).
func (ex *example) reverse() {
	n := int32(len(ex.ws))
	slices.Reverse(ex.words)
	slices.Reverse(ex.ws)
	slices.Reverse(ex.gold)
	slices.Reverse(ex.labels)
	slices.Reverse(ex.tags)
	slices.Reverse(ex.heads)
	for i, h := range ex.heads {
		if h != n {
			ex.heads[i] = n - 1 - h
		}
	}
}

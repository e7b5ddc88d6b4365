package syntax

import (
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/syntax/conllu"
	"github.com/newsgraph/newsgraph/extract/syntax/model"
)

// CoNLLU returns sentence i of d (parsed) in CoNLL-U: comments "newdoc id" (first sentence
// only), "sent_id = ID-N" and "text" (the sentence with each run of white space written as
// one space), and one line per word with its lemma, tags, head and relation, and
// SpaceAfter=No in MISC when the next word follows without a space.
func CoNLLU(d *article.Doc, i int) *conllu.Sentence {
	s := &d.Sentences[i]
	out := &conllu.Sentence{Words: make([]conllu.Word, len(s.Words))}
	if i == 0 {
		out.Comments = append(out.Comments, "newdoc id = "+d.Meta.ID)
	}
	out.Comments = append(out.Comments, "sent_id = "+d.Meta.ID+"-"+strconv.Itoa(i+1),
		"text = "+strings.Join(strings.Fields(d.Text[s.Start:s.End]), " "))
	for j, w := range s.Words {
		misc := "_"
		if j+1 < len(s.Words) && s.Words[j+1].Start == w.End {
			misc = "SpaceAfter=No"
		}
		out.Words[j] = conllu.Word{ID: j + 1, Form: w.Form, Lemma: orBlank(w.Lemma), UPOS: orBlank(w.UPOS),
			XPOS: orBlank(w.XPOS), Feats: "_", Head: w.Head + 1, Deprel: orBlank(w.Deprel), Deps: "_", Misc: misc}
	}
	return out
}

func orBlank(s string) string {
	if s == "" {
		return "_"
	}
	return s
}

// Reparse replaces the analysis of a CoNLL-U sentence by the model's, keeping its words,
// comments, MISC column and multiword-token lines exactly: lemma, UPOS, XPOS, head and
// relation are predicted; features and enhanced dependencies are cleared (the model does
// not predict them), and empty nodes (enhanced-only, "8.1") are dropped. t is scratch
// space reused across calls.
func Reparse(m *model.Model, s *conllu.Sentence, t *model.Tree) {
	m.ParseInto(s.Forms(), t)
	for i := range s.Words {
		w := &s.Words[i]
		w.Lemma, w.UPOS, w.XPOS = orBlank(t.Lemma[i]), orBlank(t.UPOS[i]), orBlank(t.XPOS[i])
		w.Head, w.Deprel = t.Head[i], orBlank(t.Deprel[i])
		if w.Head < 0 || w.Head > len(s.Words) {
			w.Head = 0
		}
		w.Feats, w.Deps = "_", "_"
	}
	kept := s.Extras[:0]
	for _, e := range s.Extras {
		id, _, _ := strings.Cut(e.Line, "\t")
		if !strings.Contains(id, ".") {
			kept = append(kept, e)
		}
	}
	s.Extras = kept
}

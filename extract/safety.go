package extract

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/resolve"
	"github.com/newsgraph/newsgraph/graph"
)

// ArticleError names an article left out of a run: a stage panicked on it, or what it
// gave would not pass the contract's validation (graph.Read, what `load` runs). The rest
// of the run is unaffected.
type ArticleError struct {
	ID, Source string
	Stage      string // "local" (clean to resolve), "resolve", "relate" or "validate"
	Reason     string
}

func (e *ArticleError) Error() string {
	return fmt.Sprintf("%s: article %s left out (%s): %s", e.Source, e.ID, e.Stage, e.Reason)
}

// panicReason turns a recovered panic into a one-line reason with the innermost frame of
// newsgraph code that raised it.
func panicReason(v any) string {
	pcs := make([]uintptr, 32)
	n := runtime.Callers(3, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		if strings.Contains(f.Function, "newsgraph/") && !strings.HasSuffix(f.File, "safety.go") {
			file := f.File
			if i := strings.Index(file, "/extract/"); i >= 0 {
				file = file[i+1:]
			}
			return fmt.Sprintf("panic: %v (at %s:%d)", v, file, f.Line)
		}
		if !more {
			break
		}
	}
	return fmt.Sprintf("panic: %v", v)
}

// guard runs f, turning a panic into an error.
func guard(f func()) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = errors.New(panicReason(v))
		}
	}()
	f()
	return nil
}

// snapshot keeps what the cross-article stages rewrite in the per-article results (entity
// keys, role organisations, events), so an assembly can be redone without some articles
// exactly as if they had never been read.
type snapshot struct {
	ments  [][]mentionState
	events [][]resolve.EventInfo
}

type mentionState struct{ entity, roleOrg, roleOrgName string }

func takeSnapshot(results []*resolve.Result) *snapshot {
	s := &snapshot{ments: make([][]mentionState, len(results)), events: make([][]resolve.EventInfo, len(results))}
	for i, r := range results {
		ms := make([]mentionState, len(r.Doc.Mentions))
		for k, m := range r.Doc.Mentions {
			ms[k] = mentionState{m.Entity, m.RoleOrg, m.RoleOrgName}
		}
		s.ments[i] = ms
		s.events[i] = copyEvents(r.Events)
	}
	return s
}

func copyEvents(evs []resolve.EventInfo) []resolve.EventInfo {
	out := make([]resolve.EventInfo, len(evs))
	for i, e := range evs {
		e.Participants = append([]string(nil), e.Participants...)
		e.Aliases = append([]string(nil), e.Aliases...)
		out[i] = e
	}
	return out
}

// restore puts result i back as it was when the snapshot was taken.
func (s *snapshot) restore(i int, r *resolve.Result) {
	for k := range r.Doc.Mentions {
		st := s.ments[i][k]
		m := &r.Doc.Mentions[k]
		m.Entity, m.RoleOrg, m.RoleOrgName = st.entity, st.roleOrg, st.roleOrgName
	}
	r.Events = copyEvents(s.events[i])
}

// validate writes the document as the contract (as graph.Writer.WriteDocument does) and
// runs the contract's validator over it (graph.Read, exactly what `load` runs). It returns,
// for each article that owns an invalid record, the first problem — an edge is owned by its
// article, a node by the articles naming it, an article by itself — and, when there is none,
// the encoded document. The error is non-nil only if a problem cannot be tied to any article.
func validate(doc *graph.Document) (map[string]string, []byte, error) {
	doc.Meta.Kind, doc.Meta.Contract = graph.KindMeta, graph.ContractVersion
	for i := range doc.Articles {
		doc.Articles[i].Kind = graph.KindArticle
	}
	for i := range doc.Nodes {
		doc.Nodes[i].Kind = graph.KindNode
	}
	for i := range doc.Edges {
		doc.Edges[i].Kind = graph.KindEdge
	}
	var buf bytes.Buffer
	w := graph.NewWriter(&buf)
	owners := [][]string{nil} // line -> owning article ids (line 1: meta)
	bad := map[string]string{}
	write := func(rec any, own []string) {
		if err := w.Write(rec); err != nil {
			for _, a := range own {
				if _, ok := bad[a]; !ok {
					bad[a] = "cannot encode a record: " + err.Error()
				}
			}
			return
		}
		owners = append(owners, own)
	}
	write(doc.Meta, nil)
	for i := range doc.Articles {
		write(&doc.Articles[i], []string{doc.Articles[i].ID})
	}
	for i := range doc.Nodes {
		write(&doc.Nodes[i], doc.Nodes[i].Articles)
	}
	for i := range doc.Edges {
		write(&doc.Edges[i], []string{doc.Edges[i].Article})
	}
	if err := w.Flush(); err != nil {
		return nil, nil, err
	}
	_, err := graph.Read(bytes.NewReader(buf.Bytes()), "extraction")
	var ve *graph.ValidationError
	if err != nil && !errors.As(err, &ve) {
		return nil, nil, err
	}
	if ve == nil {
		if len(bad) > 0 {
			return bad, nil, nil
		}
		return bad, buf.Bytes(), nil
	}
	for _, p := range ve.Problems {
		rest, ok := strings.CutPrefix(p, "extraction:")
		ln, msg, ok2 := strings.Cut(rest, ": ")
		n, err := strconv.Atoi(ln)
		if !ok || !ok2 || err != nil || n < 1 || n > len(owners) || len(owners[n-1]) == 0 {
			return nil, nil, fmt.Errorf("the extraction does not validate: %s", p)
		}
		for _, a := range owners[n-1] {
			if _, seen := bad[a]; !seen {
				bad[a] = msg
			}
		}
	}
	return bad, nil, nil
}

// emptyArticles lists the articles in which nothing was found: no entity, no relationship.
func emptyArticles(doc *graph.Document) []graph.Article {
	found := map[string]bool{}
	for _, n := range doc.Nodes {
		for _, a := range n.Articles {
			found[a] = true
		}
	}
	for _, e := range doc.Edges {
		found[e.Article] = true
	}
	var out []graph.Article
	for _, a := range doc.Articles {
		if !found[a.ID] {
			out = append(out, a)
		}
	}
	return out
}

// leaveOut records an article as left out.
func leaveOut(d *article.Doc, stage, reason string) *ArticleError {
	return &ArticleError{ID: d.Meta.ID, Source: d.Meta.Source, Stage: stage, Reason: reason}
}

package neo4j

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/graph"
)

// SchemaItem is one constraint or index newsgraph needs.
type SchemaItem struct {
	Name   string // e.g. "person_id"
	Kind   string // "constraint" or "index"
	Entity string // "NODE" or "RELATIONSHIP"
	On     string // label or relationship type
	Prop   string
	Create string // the CREATE ... IF NOT EXISTS statement
}

// String describes the item: "constraint :Person(id) unique", "index [:MET](key)".
func (i SchemaItem) String() string {
	if i.Entity == "RELATIONSHIP" {
		return fmt.Sprintf("%s [:%s](%s)", i.Kind, i.On, i.Prop)
	}
	if i.Kind == "constraint" {
		return fmt.Sprintf("%s :%s(%s) unique", i.Kind, i.On, i.Prop)
	}
	return fmt.Sprintf("%s :%s(%s)", i.Kind, i.On, i.Prop)
}

// Schema lists what ApplySchema creates: a uniqueness constraint on id for every label
// (which also indexes it), an index on name for every entity label, indexes on the doc_key,
// url and source of articles (edits and watch's lookups), an index on the published date
// of articles (new_since reads the newest articles first), and indexes on key (MERGE of a
// relationship), article (removal of a reloaded article's stale relationships, the derived
// data's reads, new_since) and status (the summary report counts each type's statuses from
// it) for every relationship type but MENTIONS, which has only the status one: a MENTIONS
// starts at its article, so the loader reaches an article's MENTIONS from its node and merges
// one between its two nodes (relIndexed); then the name lookups' TEXT indexes and date indexes
// (lookupSchema, derived_lookup.go).
func Schema() []SchemaItem {
	var out []SchemaItem
	for _, l := range graph.AllLabels {
		name := strings.ToLower(string(l)) + "_id"
		out = append(out, SchemaItem{Name: name, Kind: "constraint", Entity: "NODE", On: string(l), Prop: "id",
			Create: fmt.Sprintf("CREATE CONSTRAINT %s IF NOT EXISTS FOR (n:%s) REQUIRE n.id IS UNIQUE", name, ident(string(l)))})
	}
	// An edited file's earlier versions are found by doc_key on every load.
	out = append(out, SchemaItem{Name: "article_doc_key", Kind: "index", Entity: "NODE", On: string(graph.LabelArticle), Prop: "doc_key",
		Create: "CREATE INDEX article_doc_key IF NOT EXISTS FOR (n:Article) ON (n.doc_key)"})
	for _, l := range graph.EntityLabels {
		name := strings.ToLower(string(l)) + "_name"
		out = append(out, SchemaItem{Name: name, Kind: "index", Entity: "NODE", On: string(l), Prop: "name",
			Create: fmt.Sprintf("CREATE INDEX %s IF NOT EXISTS FOR (n:%s) ON (n.name)", name, ident(string(l)))})
	}
	// watch looks fetched articles up by the URL they were fetched from and their url;
	// new_since reads articles newest first.
	for _, p := range []string{"url", "source", "published"} {
		name := "article_" + p
		out = append(out, SchemaItem{Name: name, Kind: "index", Entity: "NODE", On: string(graph.LabelArticle), Prop: p,
			Create: fmt.Sprintf("CREATE INDEX %s IF NOT EXISTS FOR (n:%s) ON (n.%s)", name, ident(string(graph.LabelArticle)), p)})
	}
	for _, r := range graph.Relations {
		for _, p := range []string{"key", "article", "status"} {
			if relIndexed(r.Type, p) {
				out = append(out, relIndexItem(r.Type, p))
			}
		}
	}
	out = append(out, derivedSchema()...) // derived.go
	return append(out, dateSchema()...)   // schema_dates.go
}

// relIndexed says whether Schema indexes property p of every relationship of type t: not
// key and article of MENTIONS. Every relationship written costs the commit an entry in each
// index of its type (a load writes about four MENTIONS for each other relationship; index
// updates were a tenth of the server's time in a 1k load with them: docs/performance.md), and
// no report read these two: the loader reads an article's MENTIONS from the article node (a
// MENTIONS starts at its article: graph.Checker) and merges one by key between its two nodes,
// whose relationships it expands.
func relIndexed(t graph.RelType, p string) bool {
	return t != graph.RelMentions || (p != "key" && p != "article")
}

func relIndexItem(t graph.RelType, p string) SchemaItem {
	name := strings.ToLower(string(t)) + "_" + p
	return SchemaItem{Name: name, Kind: "index", Entity: "RELATIONSHIP", On: string(t), Prop: p,
		Create: fmt.Sprintf("CREATE INDEX %s IF NOT EXISTS FOR ()-[r:%s]-() ON (r.%s)", name, ident(string(t)), p)}
}

// obsoleteSchema lists the indexes earlier builds created that no statement reads any more:
// ApplySchema drops them (matched by what they cover, whatever their name), so that a graph
// loaded by an earlier build stops paying for them at every commit. MENTIONS' key and
// article indexes (relIndexed); the fact key of every fact relationship, which the
// corroboration facts no longer keep on their relationships (derived_corroboration.go).
func obsoleteSchema() []SchemaItem {
	out := []SchemaItem{relIndexItem(graph.RelMentions, "key"), relIndexItem(graph.RelMentions, "article")}
	for _, t := range factTypes() {
		out = append(out, relIndexItem(t, RelFactProperty))
	}
	return out
}

// SchemaChange is what ApplySchema did with one item.
type SchemaChange struct {
	Item    SchemaItem
	Created bool // false: it (or an equivalent) already existed
}

// ApplySchema creates every missing constraint and index of Schema (IF NOT EXISTS, so it
// is idempotent) and waits for new indexes to come online. It lists what exists first
// (SchemaStatus, two reads) and runs a CREATE only for what is missing: a load into a
// database with the schema in place runs no schema transaction. `newsgraph schema apply` and
// `newsgraph load` call it. Errors: connection errors, or the server's (e.g. an existing
// index that conflicts with a constraint); items before the failing one stay created.
func (s *Store) ApplySchema(ctx context.Context) ([]SchemaChange, error) {
	return s.applySchema(ctx, &backfillRun{})
}

// ApplySchemaAndSearch is ApplySchema that also brings the search text (and event dates) of
// every entity node up to date (BackfillSearch) — once: when ApplySchema created a search
// index it backfilled them already. `newsgraph schema apply` calls it. Returns the changes and
// how many entity nodes got a search text.
func (s *Store) ApplySchemaAndSearch(ctx context.Context) ([]SchemaChange, int, error) {
	bf := &backfillRun{search: true}
	ch, err := s.applySchema(ctx, bf)
	return ch, bf.searchSet, err
}

func (s *Store) applySchema(ctx context.Context, bf *backfillRun) ([]SchemaChange, error) {
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(context.WithoutCancel(ctx))
	var out []SchemaChange
	created := 0
	present := s.presentSchema(ctx)
	for _, it := range Schema() {
		if present[it.Name] {
			out = append(out, SchemaChange{Item: it})
			continue
		}
		n, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			res, err := tx.Run(ctx, it.Create, nil)
			if err != nil {
				return nil, err
			}
			sum, err := res.Consume(ctx)
			if err != nil {
				return nil, err
			}
			return sum.Counters().ConstraintsAdded() + sum.Counters().IndexesAdded(), nil
		})
		if err != nil {
			return out, fmt.Errorf("creating %s: %w", it, s.classify(ctx, err))
		}
		ch := SchemaChange{Item: it, Created: n.(int) > 0}
		if ch.Created {
			created++
			bf.created = append(bf.created, it)
			s.log.Debug("schema created", "item", it.String())
		}
		out = append(out, ch)
	}
	if created > 0 {
		res, err := sess.Run(ctx, "CALL db.awaitIndexes(300)", nil)
		if err == nil {
			_, err = res.Consume(ctx)
		}
		if err != nil {
			return out, fmt.Errorf("waiting for new indexes: %w", s.classify(ctx, err))
		}
	}
	if err := s.dropObsolete(ctx, sess); err != nil {
		return out, err
	}
	bf.sess = sess
	if err := s.catchUpPending(ctx); err != nil { // derived_pending.go: before any backfill
		return out, err
	}
	return out, s.backfillDerived(ctx, bf) // derived.go
}

// dropObsolete drops the indexes of obsoleteSchema that exist (one read when none does).
func (s *Store) dropObsolete(ctx context.Context, sess neo4j.SessionWithContext) error {
	recs, err := s.read(ctx, `SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties
WHERE type = 'RANGE' AND entityType = 'RELATIONSHIP' RETURN name, labelsOrTypes, properties`, nil)
	if err != nil {
		return fmt.Errorf("listing indexes: %w", err)
	}
	obsolete := map[string]bool{}
	for _, it := range obsoleteSchema() {
		obsolete[it.On+"|"+it.Prop] = true
	}
	for _, r := range recs {
		name, _ := r.Values[0].(string)
		if !obsolete[one(r.Values[1])+"|"+one(r.Values[2])] {
			continue
		}
		_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			res, err := tx.Run(ctx, "DROP INDEX `"+strings.ReplaceAll(name, "`", "``")+"` IF EXISTS", nil)
			if err != nil {
				return nil, err
			}
			return res.Consume(ctx)
		})
		if err != nil {
			return fmt.Errorf("dropping the index %s, which no statement reads any more: %w", name, s.classify(ctx, err))
		}
		s.log.Info("dropped an index no statement reads any more", "index", name)
	}
	return nil
}

// presentSchema returns the names of the Schema items present (or an equivalent), by
// SchemaStatus; none when it cannot tell (every item is then created IF NOT EXISTS).
func (s *Store) presentSchema(ctx context.Context) map[string]bool {
	st, err := s.SchemaStatus(ctx)
	if err != nil {
		s.log.Debug("listing the schema failed; creating every item if not exists", "err", err)
		return nil
	}
	out := map[string]bool{}
	for _, x := range st {
		if x.Present {
			out[x.Item.Name] = true
		}
	}
	return out
}

// SchemaState is whether one item of Schema is present.
type SchemaState struct {
	Item    SchemaItem
	Present bool
	Name    string // name of the constraint or index found (may differ from Item.Name)
	State   string // index state: ONLINE, POPULATING, FAILED ("" when absent)
}

// SchemaStatus reports which items of Schema exist, matching by what they cover (label
// or type and property), not by name. `newsgraph doctor` calls it. Errors are
// connection errors.
func (s *Store) SchemaStatus(ctx context.Context) ([]SchemaState, error) {
	type found struct{ name, state string }
	key := func(kind, entity, on, prop string) string { return kind + "|" + entity + "|" + on + "|" + prop }
	have := map[string]found{}
	cons, err := s.read(ctx, "SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties RETURN name, type, entityType, labelsOrTypes, properties", nil)
	if err != nil {
		return nil, fmt.Errorf("listing constraints: %w", err)
	}
	for _, r := range cons {
		m := r.AsMap()
		typ, _ := m["type"].(string)
		if !strings.Contains(typ, "UNIQUENESS") {
			continue
		}
		on, props := one(m["labelsOrTypes"]), one(m["properties"])
		if on == "" || props == "" {
			continue
		}
		name, _ := m["name"].(string)
		ent, _ := m["entityType"].(string)
		have[key("constraint", ent, on, props)] = found{name: name}
	}
	idx, err := s.read(ctx, "SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, state RETURN name, type, entityType, labelsOrTypes, properties, state", nil)
	if err != nil {
		return nil, fmt.Errorf("listing indexes: %w", err)
	}
	states := map[string]string{}
	for _, r := range idx {
		m := r.AsMap()
		name, _ := m["name"].(string)
		state, _ := m["state"].(string)
		states[name] = state
		kind := "index"
		if typ, _ := m["type"].(string); typ == "TEXT" {
			kind = "text index"
		} else if typ != "RANGE" {
			continue
		}
		on, props := one(m["labelsOrTypes"]), one(m["properties"])
		if on == "" || props == "" {
			continue
		}
		ent, _ := m["entityType"].(string)
		have[key(kind, ent, on, props)] = found{name: name, state: state}
	}
	var out []SchemaState
	for _, it := range Schema() {
		st := SchemaState{Item: it}
		if f, ok := have[key(it.Kind, it.Entity, it.On, it.Prop)]; ok {
			st.Present, st.Name, st.State = true, f.name, f.state
			if st.State == "" {
				st.State = states[f.name] // a constraint's backing index has the same name
			}
		}
		out = append(out, st)
	}
	return out, nil
}

// one returns the only string of a one-element list, or "".
func one(v any) string {
	l, ok := v.([]any)
	if !ok || len(l) != 1 {
		return ""
	}
	s, _ := l[0].(string)
	return s
}

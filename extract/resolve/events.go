package resolve

import (
	"slices"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/extract/article"
)

// EventInfo is what the article says of one event, after its phrases are merged.
type EventInfo struct {
	ID, Name, Kind   string
	Place, PlaceName string
	Aliases          []string
	Participants     []string // entity ids (local person keys before Global)
}

// localEvent collects the phrases of one event within an article.
type localEvent struct {
	kind, qualifier, name, place, placeName string
	participants                            []string
	names                                   []string
	mentions                                []int
}

func (e *localEvent) compatible(ev article.Event, parts []string) bool {
	if e.kind != ev.Kind {
		return false
	}
	if e.qualifier != "" && ev.Qualifier != "" && e.qualifier != ev.Qualifier {
		return false
	}
	if e.place != "" && ev.Place != "" && e.place != ev.Place {
		return false
	}
	if len(e.participants) > 0 && len(parts) > 0 && !overlap(e.participants, parts) {
		return false
	}
	return true
}

func overlap(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// events merges the article's event phrases and sets the entity of every event mention to
// a local event key ("~e:N"); Global names them.
func (r *Resolver) events(d *article.Doc, note func(*article.Mention, string)) []EventInfo {
	mentionAt := map[article.Span]int{}
	for i, m := range d.Mentions {
		mentionAt[m.Span] = i
	}
	var evs []*localEvent
	for _, ev := range d.Events {
		mi, ok := mentionAt[ev.Span]
		if !ok {
			continue
		}
		var parts []string
		for _, sp := range ev.Participants {
			if pi, ok := mentionAt[sp]; ok && d.Mentions[pi].Entity != "" {
				parts = append(parts, d.Mentions[pi].Entity)
			}
		}
		var target *localEvent
		for k := len(evs) - 1; k >= 0; k-- {
			e := evs[k]
			if ev.Anaphor {
				if e.kind == ev.Kind {
					target = e
					break
				}
				continue
			}
			if e.compatible(ev, parts) {
				target = e
				break
			}
		}
		if ev.Anaphor && target == nil {
			// "the summit" with nothing named before it: fall back to any earlier event.
			if len(evs) > 0 {
				target = evs[len(evs)-1]
			} else {
				d.Mentions[mi].Label = "" // dropped: nothing to refer to
				continue
			}
		}
		if target == nil {
			target = &localEvent{kind: ev.Kind}
			evs = append(evs, target)
		} else if !ev.Anaphor {
			note(&d.Mentions[mi], "same "+ev.Kind+" as "+target.display())
		} else {
			note(&d.Mentions[mi], "refers back to "+target.display())
		}
		if !ev.Anaphor {
			if target.qualifier == "" {
				target.qualifier = ev.Qualifier
			}
			if target.place == "" && ev.Place != "" {
				target.place, target.placeName = ev.Place, ev.PlaceName
			}
			for _, p := range parts {
				if !slices.Contains(target.participants, p) {
					target.participants = append(target.participants, p)
				}
			}
			if ev.Name != "" {
				target.names = append(target.names, ev.Name)
				if ev.Surface != "" {
					target.names = append(target.names, ev.Surface)
				}
				if target.name == "" || (ev.Qualifier != "" && target.qualifier == ev.Qualifier && !strings.Contains(target.name, " ")) {
					target.name = ev.Name
				}
			}
		}
		target.mentions = append(target.mentions, mi)
	}
	for n, e := range evs {
		key := "~e:" + strconv.Itoa(n)
		for _, mi := range e.mentions {
			d.Mentions[mi].Entity = key
		}
	}
	out := make([]EventInfo, 0, len(evs))
	for _, e := range evs {
		name := e.name
		if name == "" {
			name = e.names0()
		}
		var aliases []string
		for _, a := range e.names {
			if a != name {
				aliases = append(aliases, a)
			}
		}
		if e.placeName != "" {
			aliases = append(aliases, e.kind+" in "+e.placeName, e.placeName+" "+e.kind)
			if name != "" && !strings.Contains(name, e.placeName) {
				aliases = append(aliases, name+" in "+e.placeName)
			}
		}
		out = append(out, EventInfo{Name: name, Kind: e.kind, Place: e.place, PlaceName: e.placeName,
			Aliases: aliases, Participants: e.participants})
	}
	return out
}

func (e *localEvent) display() string {
	if e.name != "" {
		return "the " + e.name
	}
	return "the " + e.kind
}

func (e *localEvent) names0() string {
	if len(e.names) > 0 {
		return e.names[0]
	}
	return ""
}

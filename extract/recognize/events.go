package recognize

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/graph"
)

// eventWords maps the nouns that name a gathering to the event kind.
var eventWords = map[string]string{
	"summit": "summit", "summits": "summit",
	"meeting":    "meeting",
	"conference": "conference",
	"forum":      "forum",
}

// convene are verbs whose subject is the body that holds the gathering: "NATO foreign
// ministers will begin a two-day meeting in Brussels".
var convene = map[string]bool{
	"begin": true, "begins": true, "began": true, "hold": true, "holds": true, "held": true,
	"convene": true, "convenes": true, "convened": true, "open": true, "opens": true, "opened": true,
	"start": true, "starts": true, "started": true, "end": true, "ends": true, "ended": true, "close": true,
	"closes": true, "closed": true, "conclude": true, "concludes": true, "concluded": true, "wrap": true,
}

// modifiers may stand between a determiner and the event noun.
func isEventModifier(w word) bool {
	if w.num || w.text == "-" || numberWord[w.lower] {
		return true
	}
	// A lower-case compound adjective: "two-day", "full-scale", "long-awaited".
	if !w.cap && strings.Contains(w.lower, "-") {
		return true
	}
	switch w.lower {
	case "upcoming", "first", "next", "last", "recent", "annual", "emergency", "extraordinary", "informal",
		"bilateral", "key", "crucial", "planned", "scheduled", "virtual", "day", "special", "final",
		"historic", "landmark", "full":
		return true
	}
	return false
}

// numberWord holds the number and ordinal words that may stand before a noun.
var numberWord = map[string]bool{"one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "dozen": true, "dozens": true, "several": true,
	"second": true, "third": true, "fourth": true, "fifth": true}

// findEvents adds an Event (and an Event mention) for every summit-like phrase.
func findEvents(st *state) {
	d := st.d
	// Word start offset -> mention index, for actors around the event noun.
	at := make(map[int]int, len(d.Mentions))
	for i, m := range d.Mentions {
		at[m.Start] = i
	}
	for si, ws := range st.sents {
		for i, w := range ws {
			kind, ok := eventWords[w.lower]
			if !ok {
				continue
			}
			ev := article.Event{Span: article.Span{Start: w.start, End: w.end}, Sentence: si, Kind: kind}
			start := i
			// Left: modifiers, then the qualifying actor ("NATO summit", "European leaders' meeting").
			k := i - 1
			for k >= 0 && isEventModifier(ws[k]) {
				if _, ends := st.mentionEndingAt(ws[k].end, at); ends {
					break // "Group of 20 summit": the number ends the qualifier
				}
				k--
			}
			qualText := ""
			if k >= 0 {
				if mi, ok := st.mentionEndingAt(ws[k].end, at); ok && d.Mentions[mi].Label != graph.LabelPerson {
					m := d.Mentions[mi]
					ev.Qualifier = m.Entity
					qualText = d.Text[m.Start:m.End]
					if m.Name != "" && m.Label == graph.LabelOrganization && m.Name != qualText {
						ev.Surface = qualText + " " + kind
						qualText = m.Name // "Group of 20 summit" is the "G20 summit"
					}
					if m.Label == graph.LabelPlace {
						ev.Place, ev.PlaceName, ev.Qualifier = m.Entity, qualText, ""
					}
					start = st.wordIndex(ws, m.Start)
				} else if ws[k].text == "'" && k >= 1 && k-1 >= 0 && st.r.cls.group[ws[k-1].lower] || ws[k].text == "'" && k >= 1 && st.r.cls.staff[ws[k-1].lower] {
					// "European leaders' meeting", "NATO foreign ministers' meeting"
					b := k - 1
					for b-1 >= 0 && (ws[b-1].letter && !ws[b-1].initial || ws[b-1].initial && ws[b-1].cap) && !st.isDeterminer(ws[b-1]) {
						b--
						if ws[b].cap {
							if mi, ok := at[ws[b].start]; ok {
								ev.Qualifier = d.Mentions[mi].Entity
							}
							break
						}
					}
					if ws[b].cap {
						qualText = d.Text[ws[b].start:ws[k].end]
						start = b
					}
				}
			}
			anaphor := qualText == "" && k >= 0 && st.isDeterminer(ws[k]) && strings.ToLower(ws[k].text) != "a" && strings.ToLower(ws[k].text) != "an" &&
				!(i+1 < len(ws) && ws[i+1].lower == "between")
			if k >= 0 && ws[k].poss && qualText == "" {
				if !st.r.cls.calendar[ws[k].text] && ws[k].lower != "week" && ws[k].lower != "month" && ws[k].lower != "year" {
					continue // "the group's last meeting": owned by something we cannot name
				}
				anaphor = true // "Sunday's summit", "last week's meeting"
			}
			// A convening verb before it: "X will begin a meeting".
			if qualText == "" && k >= 0 && st.isDeterminer(ws[k]) {
				if q, qual := st.convener(ws, k-1, at); q != "" {
					qualText, ev.Qualifier, anaphor = q, qual, false
				}
			}
			// Right: "in PLACE", "between X and Y", "of NATO foreign ministers".
			end := i + 1
			for j := i + 1; j < len(ws) && j <= i+22; j++ {
				x := ws[j]
				if x.text == ";" || x.text == ":" || (x.text == "." && j == len(ws)-1) {
					break
				}
				if _, ok := eventWords[x.lower]; ok {
					break
				}
				if x.lower == "in" && j+1 < len(ws) && ev.Place == "" && st.placeGapOK(ws[i+1:j]) {
					pj := j + 1
					if ws[pj].lower == "the" && j+2 < len(ws) {
						if _, ok := at[ws[pj].start]; !ok {
							pj++
						}
					}
					if mi, ok := at[ws[pj].start]; ok {
						m := d.Mentions[mi]
						if m.Label == graph.LabelPlace || m.Label == graph.LabelCountry {
							ev.Place, ev.PlaceName = m.Entity, strings.TrimPrefix(m.Text, "the ")
							if j == i+1 {
								end = st.wordIndex(ws, m.End-1) + 1
							}
						}
					}
				}
				if x.lower == "between" && j == i+1 {
					for q := j + 1; q < len(ws) && q <= j+12; q++ {
						if ws[q].text == "," || ws[q].text == ";" {
							break
						}
						if mi, ok := at[ws[q].start]; ok && d.Mentions[mi].Label.IsActor() && !d.Mentions[mi].Modifier {
							ev.Participants = append(ev.Participants, d.Mentions[mi].Span)
						}
					}
				}
			}
			switch {
			case qualText != "":
				ev.Name = qualText + " " + kind
				if strings.HasSuffix(qualText, "'") {
					ev.Name = qualText + " " + kind
				}
			case ev.Place != "" && kind != "meeting":
				ev.Name = ev.PlaceName + " " + kind
			case len(ev.Participants) >= 2 && kind != "meeting":
				ev.Name = "" // named by the resolver from the participants' surnames
			case anaphor:
				ev.Anaphor = true
			default:
				continue
			}
			if ev.Name == "" && !ev.Anaphor && len(ev.Participants) < 2 {
				continue
			}
			ev.Start = ws[start].start
			if start > i {
				ev.Start = w.start
			}
			ev.End = ws[end-1].end
			if ev.Anaphor {
				ev.Start = w.start
				ev.End = w.end
			}
			d.Events = append(d.Events, ev)
			d.Mentions = append(d.Mentions, article.Mention{Span: ev.Span, Sentence: si, Text: d.Text[ev.Start:ev.End],
				Label: graph.LabelEvent, Kind: map[bool]article.Kind{true: article.KindRole, false: article.KindName}[ev.Anaphor]})
			st.endIdx[ev.End] = len(d.Mentions) - 1
		}
	}
}

func (st *state) isDeterminer(w word) bool {
	switch w.lower {
	case "the", "a", "an", "this", "that", "its", "their", "his", "her", "next", "last":
		return true
	}
	return false
}

// convener looks left of a determiner for "SUBJECT [will|to] VERB" with a convening verb
// and returns the subject's text ("NATO foreign ministers") and the actor it names.
func (st *state) convener(ws []word, k int, at map[int]int) (string, string) {
	if k < 0 || !convene[ws[k].lower] {
		return "", ""
	}
	k--
	for k >= 0 && (ws[k].lower == "will" || ws[k].lower == "to" || ws[k].lower == "would" || ws[k].lower == "set" || ws[k].lower == "are" || ws[k].lower == "is") {
		k--
	}
	if k >= 0 && !(st.r.cls.staff[ws[k].lower] || st.r.cls.group[ws[k].lower]) {
		// "Leaders of the Group of Seven ended their three-day summit": the body named in
		// the subject holds it.
		if mi, ok := st.mentionEndingAt(ws[k].end, at); ok && st.d.Mentions[mi].Label == graph.LabelOrganization {
			m := st.d.Mentions[mi]
			b := st.wordIndex(ws, m.Start)
			if b >= 2 && ws[b-1].lower == "the" && ws[b-2].lower == "of" || b >= 1 && ws[b-1].lower == "of" {
				name := m.Name
				if name == "" {
					name = st.d.Text[m.Start:m.End]
				}
				return name, m.Entity
			}
		}
		return "", ""
	}
	if k < 0 {
		return "", ""
	}
	e := k
	b := k
	for b-1 >= 0 && ws[b-1].letter && ws[b-1].text != "," {
		b--
	}
	qual := ""
	first := -1
	for q := b; q <= e; q++ {
		if mi, ok := at[ws[q].start]; ok && st.d.Mentions[mi].Label.IsActor() {
			qual = st.d.Mentions[mi].Entity
			first = q
			break
		}
	}
	if first < 0 {
		return "", ""
	}
	return st.d.Text[ws[first].start:ws[e].end] + "'", qual
}

// mentionEndingAt finds the mention whose span ends at byte end.
// The last one added wins; an index kept as mentions are added makes it a look-up.
func (st *state) mentionEndingAt(end int, at map[int]int) (int, bool) {
	i, ok := st.endIdx[end]
	return i, ok
}

// wordIndex returns the index of the word starting at or containing byte offset off.
func (st *state) wordIndex(ws []word, off int) int {
	for i, w := range ws {
		if w.start <= off && off < w.end+1 {
			return i
		}
	}
	return 0
}

// placeGapOK reports whether the words between an event noun and "in PLACE" keep the place
// attached to the event: "summit in Brussels", "summit between X and Y, set to take place on
// July 16 in Helsinki" — but not "a summit overshadowed by Russia's war in Ukraine".
func (st *state) placeGapOK(gap []word) bool {
	between := false
	for _, w := range gap {
		switch {
		case w.lower == "between":
			between = true
		case w.punct(), w.num, w.cap && between, w.lower == "and" && between:
		default:
			switch w.lower {
			case "to", "be", "held", "take", "takes", "took", "taking", "place", "set", "scheduled", "due",
				"on", "next", "this", "will", "is", "was", "being", "which", "that", "opens", "opened", "the":
			default:
				if st.r.cls.calendar[w.text] {
					continue
				}
				return false
			}
		}
	}
	return true
}

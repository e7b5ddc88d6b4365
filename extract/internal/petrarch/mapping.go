package main

import "strings"

// Mapping is one row of the CAMEO-to-newsgraph table: every code that starts with Prefix
// (the longest prefix wins) maps to Type, or to no edge when Type is "".
type Mapping struct {
	Prefix string
	Type   string
	Why    string
}

// Mappings is the whole table, every CAMEO root 01-20. docs/relations.md prints it; a
// code outside newsgraph's relationship types is dropped (no generic edge: a new edge
// type would have to enter the graph model's closed set, validator, contract and schema,
// and none of the dropped families has a report that reads it).
var Mappings = []Mapping{
	{"01", "", "make public statement: no second actor"},
	{"02", "", "appeal: a request, not pressure (the curated cue 'call on' keeps 102)"},
	{"03", "", "express intent to cooperate: a future intention, not an act"},
	{"04", "MET", "consult"},
	{"040", "MET", "consult, not specified"},
	{"041", "SPOKE_WITH", "discuss by telephone"},
	{"042", "VISITED", "make a visit"},
	{"043", "HOSTED", "host a visit"},
	{"044", "MET", "meet at a third location"},
	{"045", "", "mediate: the mediator meets both sides, which the text names separately"},
	{"046", "MET", "engage in negotiation"},
	{"05", "SUPPORTED", "diplomatic cooperation"},
	{"055", "", "apologize: not support of the other side"},
	{"056", "", "forgive: not support of the other side"},
	{"06", "SUPPORTED", "material cooperation"},
	{"07", "SUPPORTED", "provide aid"},
	{"08", "", "yield: concessions have no newsgraph type"},
	{"09", "", "investigate"},
	{"10", "PRESSURED", "demand"},
	{"11", "CRITICIZED", "disapprove"},
	{"12", "", "reject: a refusal of a proposal, not of an actor"},
	{"13", "PRESSURED", "threaten"},
	{"14", "CRITICIZED", "protest (only with an actor as target)"},
	{"15", "", "exhibit force posture: no target actor in the act"},
	{"16", "", "reduce relations"},
	{"163", "PRESSURED", "impose embargo, boycott or sanctions"},
	{"17", "", "coerce: arrests, expulsions and repression are acts of force, not pressure"},
	{"170", "PRESSURED", "coerce, not specified"},
	{"172", "PRESSURED", "impose administrative sanctions"},
	{"18", "", "assault"},
	{"19", "", "fight"},
	{"20", "", "use unconventional mass violence"},
}

// Map returns the newsgraph relationship type of a CAMEO code ("" when dropped) and the
// mapping row that decided it.
func Map(code string) (string, Mapping) {
	var best Mapping
	for _, m := range Mappings {
		if strings.HasPrefix(code, m.Prefix) && len(m.Prefix) > len(best.Prefix) {
			best = m
		}
	}
	return best.Type, best
}

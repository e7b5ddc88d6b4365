package graph

import "sort"

// Label is a node label of the graph model.
type Label string

// The node labels of the design. The set is closed: anything else is rejected.
const (
	LabelArticle      Label = "Article"
	LabelPerson       Label = "Person"
	LabelCountry      Label = "Country"
	LabelOrganization Label = "Organization"
	LabelPlace        Label = "Place"
	LabelEvent        Label = "Event"
)

// EntityLabels are the labels an extracted entity may carry (every label but Article).
var EntityLabels = []Label{LabelPerson, LabelCountry, LabelOrganization, LabelPlace, LabelEvent}

// AllLabels lists every node label, Article first.
var AllLabels = append([]Label{LabelArticle}, EntityLabels...)

// Valid reports whether l is one of the design's labels.
func (l Label) Valid() bool {
	for _, x := range AllLabels {
		if x == l {
			return true
		}
	}
	return false
}

// IsActor reports whether nodes of this label can be the subject or object of an
// actor relationship (MET, PRESSURED, ...).
func (l Label) IsActor() bool {
	return l == LabelPerson || l == LabelCountry || l == LabelOrganization
}

// RelType is a relationship type of the graph model.
type RelType string

// Actor relationship types (between Person, Country, Organization; some reach Place or Event).
const (
	RelMet        RelType = "MET"
	RelSpokeWith  RelType = "SPOKE_WITH"
	RelPressured  RelType = "PRESSURED"
	RelCriticized RelType = "CRITICIZED"
	RelSupported  RelType = "SUPPORTED"
	RelVisited    RelType = "VISITED"
	RelAttended   RelType = "ATTENDED"
	RelHosted     RelType = "HOSTED"
)

// Structural relationship types.
const (
	RelHoldsRole RelType = "HOLDS_ROLE"
	RelMemberOf  RelType = "MEMBER_OF"
	RelLocatedIn RelType = "LOCATED_IN"
	RelHeldIn    RelType = "HELD_IN"
	RelMentions  RelType = "MENTIONS"
)

// RelSpec says which labels a relationship type connects.
type RelSpec struct {
	Type      RelType
	From, To  []Label
	Symmetric bool // meaning does not depend on direction (MET, SPOKE_WITH)
	Actor     bool // an actor relationship: carries modality, date, CAMEO code
}

var actors = []Label{LabelPerson, LabelCountry, LabelOrganization}

// Relations is the closed vocabulary, in a stable order.
var Relations = []RelSpec{
	{Type: RelMet, From: actors, To: actors, Symmetric: true, Actor: true},
	{Type: RelSpokeWith, From: actors, To: actors, Symmetric: true, Actor: true},
	{Type: RelPressured, From: actors, To: append(append([]Label{}, actors...), LabelPlace), Actor: true},
	{Type: RelCriticized, From: actors, To: append(append([]Label{}, actors...), LabelPlace), Actor: true},
	{Type: RelSupported, From: actors, To: append(append([]Label{}, actors...), LabelPlace), Actor: true},
	{Type: RelVisited, From: actors, To: []Label{LabelPlace, LabelCountry, LabelOrganization}, Actor: true},
	{Type: RelAttended, From: actors, To: []Label{LabelEvent}, Actor: true},
	{Type: RelHosted, From: append(append([]Label{}, actors...), LabelPlace), To: append(append([]Label{}, actors...), LabelEvent, LabelPlace), Actor: true},
	{Type: RelHoldsRole, From: []Label{LabelPerson}, To: []Label{LabelCountry, LabelOrganization}},
	{Type: RelMemberOf, From: []Label{LabelCountry, LabelOrganization, LabelPerson}, To: []Label{LabelOrganization}},
	{Type: RelLocatedIn, From: []Label{LabelPlace, LabelOrganization}, To: []Label{LabelPlace, LabelCountry}},
	{Type: RelHeldIn, From: []Label{LabelEvent}, To: []Label{LabelPlace, LabelCountry}},
	{Type: RelMentions, From: []Label{LabelArticle}, To: EntityLabels},
}

// Spec returns the specification of t, or false when t is not in the vocabulary.
func (t RelType) Spec() (RelSpec, bool) {
	for _, s := range Relations {
		if s.Type == t {
			return s, true
		}
	}
	return RelSpec{}, false
}

// Valid reports whether t is in the vocabulary.
func (t RelType) Valid() bool { _, ok := t.Spec(); return ok }

// Allows reports whether an edge of type t may go from a node labelled from to one labelled to.
func (s RelSpec) Allows(from, to Label) bool {
	return hasLabel(s.From, from) && hasLabel(s.To, to)
}

func hasLabel(ls []Label, l Label) bool {
	for _, x := range ls {
		if x == l {
			return true
		}
	}
	return false
}

// Status is the modality of an actor relationship.
type Status string

// The modalities. A threat is a PRESSURED edge; its modality says whether it was carried out.
const (
	StatusReported     Status = "reported"
	StatusPlanned      Status = "planned"
	StatusHypothetical Status = "hypothetical"
	StatusNegated      Status = "negated"
)

// Statuses lists the modalities.
var Statuses = []Status{StatusReported, StatusPlanned, StatusHypothetical, StatusNegated}

// Valid reports whether s is a known modality.
func (s Status) Valid() bool {
	for _, x := range Statuses {
		if x == s {
			return true
		}
	}
	return false
}

// Precision of a normalised date.
const (
	PrecisionDay   = "day"
	PrecisionWeek  = "week"
	PrecisionMonth = "month"
	PrecisionYear  = "year"
)

// RelTypeNames returns the sorted names of every relationship type.
func RelTypeNames() []string {
	out := make([]string, 0, len(Relations))
	for _, s := range Relations {
		out = append(out, string(s.Type))
	}
	sort.Strings(out)
	return out
}

package resolve

import (
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// holder returns the holder, on the article's date, of the office a role phrase names
// ("the US president" -> the US president on that date), with the office's key.
// A role without a stated country or organisation, or an article without a date, gives "".
func (r *Resolver) holder(title, roleOrg, date string) (string, string) {
	return r.officeHolder(roleOrg, date, func(role string) bool {
		return strings.EqualFold(role, title) || (generic[strings.ToLower(title)] && headRole(role))
	})
}

// headOf returns who headed the government (or state) of a country or organisation on
// date, from the offices table: the first head office listed for it.
func (r *Resolver) headOf(orgID, date string) (string, string) {
	return r.officeHolder(orgID, date, headRole)
}

// officeHolder returns the holder on date of the first office of orgID whose role matches.
func (r *Resolver) officeHolder(orgID, date string, match func(role string) bool) (string, string) {
	if orgID == "" || date == "" {
		return "", ""
	}
	seen := map[string]bool{}
	for _, o := range r.lex.Offices() {
		if seen[o.Key] {
			continue
		}
		seen[o.Key] = true
		scope, org, role, ok := splitOffice(o.Key)
		if !ok || !match(role) || r.officeOrgID(scope, org) != orgID {
			continue
		}
		if name, ok := r.lex.Holder(o.Key, date); ok {
			return name, o.Key
		}
	}
	return "", ""
}

// headRole reports whether an office leads its country or organisation.
func headRole(role string) bool {
	switch strings.ToLower(role) {
	case "president", "prime minister", "chancellor", "secretary general", "secretary-general", "king", "queen", "supreme leader", "chairman", "chair":
		return true
	}
	return false
}

// splitOffice splits "country:US/President" into ("country", "US", "President").
func splitOffice(key string) (scope, org, role string, ok bool) {
	scope, rest, ok1 := strings.Cut(key, ":")
	org, role, ok2 := strings.Cut(rest, "/")
	return scope, org, role, ok1 && ok2
}

// officeOrgID turns an office's country code or organisation name into a node id.
func (r *Resolver) officeOrgID(scope, org string) string {
	id, _ := r.officeOrg(scope, org)
	return id
}

// officeOrg turns an office's country code or organisation name into a node id and the
// entity's name.
func (r *Resolver) officeOrg(scope, org string) (string, string) {
	if scope == "country" {
		if c, ok := r.lex.CountryByISO(org); ok {
			return graph.NodeID(graph.LabelCountry, c.Name), c.Name
		}
		return "", ""
	}
	if e, n, ok := r.lex.Lookup(strings.Fields(org)); ok && n == len(strings.Fields(org)) {
		return graph.NodeID(e.Label, e.Canonical), e.Canonical
	}
	return graph.NodeID(graph.LabelOrganization, org), org
}

// officeOf returns the node id and name of the country or organisation of an office with
// this title that the offices table says the person held — on date, when the article has
// one — or "".
func (r *Resolver) officeOf(person, title, date string) (string, string) {
	if person == "" {
		return "", ""
	}
	for _, o := range r.lex.Offices() {
		scope, org, role, ok := splitOffice(o.Key)
		if !ok || !strings.EqualFold(role, title) {
			continue
		}
		if o.Holder != person && !containsFold(o.Aliases, person) {
			continue
		}
		if date != "" {
			if h, ok := r.lex.Holder(o.Key, date); !ok || h != o.Holder {
				continue
			}
		}
		return r.officeOrg(scope, org)
	}
	return "", ""
}

func containsFold(ss []string, s string) bool {
	for _, x := range ss {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// heldWhen reports whether the person held an office of the table on one of the dates (any
// office, any date when no date is known).
func (r *Resolver) heldWhen(person string, dates []string) bool {
	if len(dates) == 0 {
		return true
	}
	for _, o := range r.lex.Offices() {
		if o.Holder != person {
			continue
		}
		for _, d := range dates {
			if (o.Start == "" || o.Start <= d) && (o.End == "" || d < o.End) {
				return true
			}
		}
	}
	return false
}

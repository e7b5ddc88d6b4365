package resolve

import (
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// holder returns the holder, on the article's date, of the office a role phrase names
// ("the US president" -> the US president on that date), with a description of the office.
// A role without a stated country or organisation, or an article without a date, gives "".
func (r *Resolver) holder(title, roleOrg, date string) (string, string) {
	if roleOrg == "" || date == "" {
		return "", ""
	}
	for _, o := range r.lex.Offices() {
		if r.officeOrgID(o.Scope, o.Org) != roleOrg {
			continue
		}
		if !strings.EqualFold(o.Role, title) && !(generic[strings.ToLower(title)] && o.HeadOf) {
			continue
		}
		if name, ok := r.lex.Holder(o.Key, date); ok {
			return name, o.Key
		}
	}
	return "", ""
}

// officeOrgID turns an office's country code or organisation name into a node id.
func (r *Resolver) officeOrgID(scope, org string) string {
	if scope == "country" {
		if c, ok := r.lex.CountryByISO(org); ok {
			return graph.NodeID(graph.LabelCountry, c.Name)
		}
		return ""
	}
	return graph.NodeID(graph.LabelOrganization, org)
}

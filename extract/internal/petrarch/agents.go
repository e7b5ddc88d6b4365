package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// Sectors is the closed sector vocabulary of collective actors: the first three letters of
// a Phoenix agent code (~GOV, ~MILSPY -> MIL) to the sector newsgraph writes. "government"
// stands for its country; every other sector makes a group node of its country.
var Sectors = map[string]string{
	"GOV": "government", "MIL": "military", "REB": "rebels", "OPP": "opposition", "COP": "police",
	"JUD": "judiciary", "LEG": "legislature", "SPY": "intelligence", "UAF": "militants", "CVL": "civilians",
	"PPL": "civilians", "MED": "media", "BUS": "business", "LAB": "labour", "EDU": "education", "HLH": "health",
	"REL": "religious", "CHR": "religious", "MUS": "religious", "JEW": "religious", "HIN": "religious",
	"BUD": "religious", "REF": "refugees", "IMG": "refugees", "CRM": "criminals", "AGR": "agriculture",
	"ENV": "environment", "NGO": "ngo", "HRI": "ngo", "PTY": "party", "ELI": "elites", "RAD": "radicals",
}

// Agent is one noun form of Phoenix.agents.txt: "rebels" -> rebels (plural).
type Agent struct {
	Form   string // lower case, words joined by spaces
	Plural bool
	Code   string // the Phoenix code without "~"
	Sector string
	Line   int
}

// ParseAgentLine reads "POLICE!PERSON!  [~COP]", "CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]",
// "POLICE {} [~COP]" into its forms: the singular(s), and the plurals (given in braces, none
// for "{}", else the regular plural). Substitution sets (!PERSON!) are expanded. ok is false
// for lines that are no country agent (codes like [IGO~]).
func ParseAgentLine(line string, subst map[string][]string) ([]Agent, bool, error) {
	if c := strings.IndexByte(line, '#'); c >= 0 {
		line = line[:c]
	}
	i := strings.LastIndexByte(line, '[')
	j := -1
	if i >= 0 {
		// "[~ENV}": one line of the file closes its code with a brace.
		if k := strings.IndexAny(line[i:], "]}"); k >= 0 {
			j = i + k
		}
	}
	if i < 0 || j < i {
		return nil, false, fmt.Errorf("agent %q has no [code]", strings.TrimSpace(line))
	}
	code := strings.TrimSpace(line[i+1 : j])
	if !strings.HasPrefix(code, "~") || len(code) < 4 {
		return nil, false, nil
	}
	code = code[1:]
	sector, ok := Sectors[code[:3]]
	if !ok {
		return nil, false, fmt.Errorf("agent code %q has no sector", code)
	}
	body := line[:i]
	var plurals []string
	explicit := false
	if b := strings.IndexByte(body, '{'); b >= 0 {
		e := strings.IndexByte(body, '}')
		if e < b {
			return nil, false, fmt.Errorf("agent %q: unclosed {", strings.TrimSpace(line))
		}
		explicit = true
		plurals = strings.Fields(body[b+1 : e])
		body = body[:b]
	}
	f := strings.Fields(body)
	if len(f) == 0 {
		return nil, false, fmt.Errorf("agent line %q has no noun", strings.TrimSpace(line))
	}
	head := strings.Join(f, "_")
	var out []Agent
	for _, sg := range expand(head, subst) {
		w := agentWords(sg)
		out = append(out, Agent{Form: w, Code: code, Sector: sector})
		if !explicit && !strings.HasSuffix(sg, "_") {
			out = append(out, Agent{Form: plural(w), Plural: true, Code: code, Sector: sector})
		}
	}
	for _, p := range plurals {
		for _, e := range expand(p, subst) {
			out = append(out, Agent{Form: agentWords(e), Plural: true, Code: code, Sector: sector})
		}
	}
	return out, true, nil
}

// expand replaces a substitution set (!PERSON!) by each of its members.
func expand(s string, subst map[string][]string) []string {
	for k, vs := range subst {
		if strings.Contains(s, k) {
			var out []string
			for _, v := range vs {
				out = append(out, expand(strings.Replace(s, k, v, 1), subst)...)
			}
			return out
		}
	}
	return []string{s}
}

func agentWords(s string) string {
	return strings.ToLower(strings.TrimSpace(strings.ReplaceAll(strings.Trim(s, "_"), "_", " ")))
}

// plural makes the regular plural of the last word: rebel -> rebels, authority -> authorities,
// policeman -> policemen.
func plural(s string) string {
	w := strings.Fields(s)
	last := w[len(w)-1]
	switch {
	case strings.HasSuffix(last, "men"):
		// already plural ("policemen" from !PERSON! = MEN)
	case strings.HasSuffix(last, "man"):
		last = strings.TrimSuffix(last, "man") + "men"
	case strings.HasSuffix(last, "s") || strings.HasSuffix(last, "sh") || strings.HasSuffix(last, "ch") || strings.HasSuffix(last, "x"):
		last += "es"
	case strings.HasSuffix(last, "y") && len(last) > 1 && !strings.ContainsRune("aeiou", rune(last[len(last)-2])):
		last = strings.TrimSuffix(last, "y") + "ies"
	default:
		last += "s"
	}
	w[len(w)-1] = last
	return strings.Join(w, " ")
}

// ParseAgents reads Phoenix.agents.txt.
func ParseAgents(r io.Reader) ([]Agent, error) {
	subst := map[string][]string{}
	var out []Agent
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "!") && strings.Contains(line, "=") {
			k, v, ok := strings.Cut(line, "=")
			if !ok {
				return nil, fmt.Errorf("Phoenix.agents.txt:%d: substitution set without '='", n)
			}
			for _, m := range strings.Split(v, ",") {
				subst[strings.TrimSpace(k)] = append(subst[strings.TrimSpace(k)], strings.TrimSpace(m))
			}
			continue
		}
		if !strings.Contains(line, "[") {
			continue // a noun with no code ("ISLAMIC_EXTREMIST"): nothing to map
		}
		as, ok, err := ParseAgentLine(line, subst)
		if err != nil {
			return nil, fmt.Errorf("Phoenix.agents.txt:%d: %w", n, err)
		}
		if !ok {
			continue
		}
		for k := range as {
			as[k].Line = n
		}
		out = append(out, as...)
	}
	return out, sc.Err()
}

// AgentRows keeps one row per form (the first line that gives it wins), sorted by form.
func AgentRows(as []Agent) []Agent {
	seen := map[string]bool{}
	var out []Agent
	for _, a := range as {
		if seen[a.Form] || a.Form == "" {
			continue
		}
		seen[a.Form] = true
		out = append(out, a)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Form < out[j].Form })
	return out
}

func genAgents(path, out string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	as, err := ParseAgents(f)
	if err != nil {
		return err
	}
	rows := AgentRows(as)
	var b bytes.Buffer
	b.WriteString(agentsHeader)
	for _, a := range rows {
		num := "sg"
		if a.Plural {
			num = "pl"
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%d\n", a.Form, num, a.Sector, a.Code, a.Line)
	}
	if err := os.WriteFile(out, b.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "%s: %d forms\n", out, len(rows))
	return nil
}

const agentsHeader = `# Collective-actor nouns ("rebels", "authorities", "riot police"), GENERATED by
# extract/internal/petrarch from Phoenix.agents.txt (PETRARCH-2 dictionaries,
# openeventdata/petrarch2 commit 676801cd; Copyright (c) 2014 Open Event Data Alliance; MIT
# licence, text in extract/relate/data/SOURCES.md). Do not edit: curated additions go in
# agents_extra.tsv; run 'go generate ./extract/recognize'.
#
# Columns: form <TAB> number (sg | pl) <TAB> sector <TAB> phoenix code <TAB> line in Phoenix.agents.txt
# Sectors (closed; docs/relations.md): government stands for its country; any other sector
# makes a group node of its country (Organization {kind: group, country, sector}).
`

package clean

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/article"
)

// kept returns the text of the blocks.
func kept(d *article.Doc) []string {
	var out []string
	for _, b := range d.Blocks {
		out = append(out, d.Text[b.Start:b.End])
	}
	return out
}

// droppedAs returns the reason a span containing s was dropped, or "".
func droppedAs(d *article.Doc, s string) string {
	for _, x := range d.Dropped {
		if strings.Contains(d.Text[x.Start:x.End], s) {
			return x.Reason
		}
	}
	return ""
}

func keptContains(d *article.Doc, s string) bool {
	for _, k := range kept(d) {
		if strings.Contains(k, s) {
			return true
		}
	}
	return false
}

const leadA = "Estonian Prime Minister Kristen Michal met German Chancellor Friedrich Merz in Brussels on Monday to press for faster deliveries of air-defence systems, officials said."
const paraB = "The two leaders discussed the timetable for the next tranche of aid and agreed that their defence ministers would meet again before the summer to review progress on the plan."
const paraC = "Merz said Germany would bring forward part of its order, but he warned that industry could not double its output overnight and that allies had to be patient with the factories."

func TestClean(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		title     string            // want Meta.Title
		published string            // want Meta.Published
		keep      []string          // substrings that must be in kept blocks
		drop      map[string]string // substring -> reason it must be dropped with
		gone      []string          // substrings that must not be in kept blocks (any reason)
	}{
		{
			name: "site furniture around a news story",
			text: "Skip to content\nHome | World | Politics | Business | Sport\nBy Jane Doe\nUpdated 14:05 GMT, 3 March 2025\n\n" +
				"Baltic leaders urge faster air-defence deliveries\n\n" +
				"BRUSSELS, March 3 (Reuters) - " + leadA + "\n\n" + paraB + "\n\n“We cannot wait,” Michal told reporters.\n\n" +
				"Advertisement\n\n" + paraC + "\n\nShare this article\nFacebook Twitter Email\n\nRelated stories\n" +
				"Poland signs tank deal with South Korean maker\nFinland reopens one border crossing after talks\nSweden joins the Nordic air command centre\n" +
				"© 2025 Example Media Group. All rights reserved.\n",
			title:     "Baltic leaders urge faster air-defence deliveries",
			published: "2025-03-03",
			keep:      []string{"Estonian Prime Minister", "The two leaders", "“We cannot wait,” Michal told reporters.", "Merz said Germany"},
			drop: map[string]string{
				"Skip to content":                 ReasonBoilerplate,
				"Home | World":                    ReasonKeywords,
				"By Jane Doe":                     ReasonByline,
				"Updated 14:05":                   ReasonDateline,
				"Baltic leaders urge":             ReasonTitle,
				"BRUSSELS, March 3 (Reuters) - ":  ReasonDateline,
				"Advertisement":                   ReasonBoilerplate,
				"Share this article":              ReasonBoilerplate,
				"Facebook Twitter Email":          "",
				"Poland signs tank deal":          ReasonLinkList,
				"Sweden joins the Nordic":         ReasonLinkList,
				"© 2025 Example Media Group. All": ReasonBoilerplate,
			},
			gone: []string{"BRUSSELS", "Reuters", "Related stories"},
		},
		{
			name:  "caption credits are cut, the caption kept",
			text:  leadA + "\n\nThe chancellor speaks to reporters after the meeting in Brussels on Monday. John Smith/AFP via Getty Images\n\n" + paraB + "\n\nSoldiers unload a launcher at an air base in eastern Poland last year. AP\n\n" + paraC + "\n",
			keep:  []string{"The chancellor speaks to reporters after the meeting in Brussels on Monday.", "Soldiers unload a launcher"},
			drop:  map[string]string{"John Smith/AFP via Getty Images": ReasonCredit},
			gone:  []string{"Getty", " AP"},
			title: "",
		},
		{
			name: "a glued agency slug after the last sentence",
			text: leadA + "\n\n" + paraB + " The next meeting is planned for May./ABC\n",
			keep: []string{"planned for May."},
			drop: map[string]string{"/ABC": ReasonCredit},
		},
		{
			name: "keyword list and widget labels after the article",
			text: "Ministers back new drone coalition for the eastern flank\n\n" + leadA + "\n\n" + paraB + "\n\n" +
				"drones, air defence, Estonia, Germany, Friedrich Merz, Kristen Michal, Brussels\nComments\nNewsletterSign up\n",
			title: "Ministers back new drone coalition for the eastern flank",
			keep:  []string{"Estonian Prime Minister", "The two leaders"},
			drop:  map[string]string{"drones, air defence": ReasonKeywords, "Comments": ReasonBoilerplate},
			gone:  []string{"NewsletterSign"},
		},
		{
			name: "a read-more line inside the article, and a short quote between paragraphs",
			text: leadA + "\nREAD MORE: Baltic States Want Answers On Air Defence Timetable\n" + paraB + "\n“No.”\n" + paraC + "\n",
			keep: []string{"“No.”", "Merz said"},
			drop: map[string]string{"READ MORE": ReasonBoilerplate},
		},
		{
			name: "a proper-noun-heavy lead is kept",
			text: "North Atlantic Council Secretary General Mark Rutte met Polish President Karol Nawrocki and Lithuanian President Gitanas Nauseda in Vilnius on Tuesday, NATO said.\n\n" + paraB + "\n",
			keep: []string{"North Atlantic Council", "The two leaders"},
		},
		{
			name:      "numeric dateline and a repeated, cut headline",
			text:      "2024-11-23\nAllies weigh new timetable for Ukraine air-defence aid package\nAllies weigh new timetable for Ukraine air-defence\n\n" + leadA + "\n" + paraB + "\n",
			title:     "Allies weigh new timetable for Ukraine air-defence aid package",
			published: "2024-11-23",
			drop:      map[string]string{"2024-11-23": ReasonDateline, "Allies weigh new timetable for Ukraine air-defence": ""},
			keep:      []string{"Estonian"},
		},
		{
			name:  "a date without year sets nothing; a lead with a full date is not a dateline",
			text:  "Nov 23\nOn March 3, 2025, " + leadA[:1] + strings.ToLower(leadA[1:2]) + leadA[2:] + "\n" + paraB + "\n",
			keep:  []string{"On March 3, 2025"},
			title: "",
		},
		{
			name:  "markdown headline and hard-wrapped paragraphs",
			text:  "# Nordic ministers agree on joint air patrols\n\nThe defence ministers of Norway, Sweden,\nFinland and Denmark agreed on Thursday to\nmerge their air patrols over the Baltic Sea,\naccording to a joint statement released in Oslo.\n\nThe plan still needs the approval of the\nfour parliaments, which is expected before\nthe end of the year.\n\n## Background\n\n- Norway joined the talks in 2023.\n",
			title: "Nordic ministers agree on joint air patrols",
			keep:  []string{"The defence ministers of Norway, Sweden,\nFinland and Denmark agreed on Thursday to\nmerge their air patrols over the Baltic Sea,\naccording to a joint statement released in Oslo.", "four parliaments"},
			drop:  map[string]string{"Background": ReasonHeading},
		},
		{
			name: "a very short article keeps its sentences",
			text: "Poland and Lithuania held talks on Friday.\nBoth sides called them useful.\n",
			keep: []string{"Poland and Lithuania held talks on Friday.", "Both sides called them useful."},
		},
		{
			name: "broadcaster layout: byline block, credit and caption before the lead, related links",
			text: "Baltic war games: Estonia hosts biggest NATO drill in a decade\n3 hours ago\nShare\nSave\nAnna Berg\nNorthern Europe correspondent\nReporting from Tallinn\n" +
				"Getty Images\nEstonian conscripts take part in a night exercise near the Russian border\n" +
				leadA + "\n" + paraB + "\nStory continues below this advertisement\nThe exercise ends on Sunday.\n" + paraC + "\n" +
				"Related\nLatvia extends conscription to women\nFinland opens new border fence section\nMore on this story\n",
			title: "Baltic war games: Estonia hosts biggest NATO drill in a decade",
			keep:  []string{"Estonian Prime Minister", "The exercise ends on Sunday.", "Merz said"},
			drop:  map[string]string{"Getty Images": ReasonCredit, "Story continues below": "", "Latvia extends": ReasonLinkList},
			gone:  []string{"Anna Berg", "Estonian conscripts take part", "Reporting from", "More on this story"},
		},
		{
			name: "wire layout: dateline, reporting credits, trust line, first-published date",
			text: "Poland to buy more air-defence batteries, minister says\n\nWARSAW, March 6 (Reuters) - " + leadA + "\n\n" + paraB + "\n\n" +
				"(Reporting by Anna Nowak; Editing by Mark Hale)\n\nFirst published on Thu 6 Mar 2025 09.30 GMT\n",
			title: "Poland to buy more air-defence batteries, minister says",
			keep:  []string{"Estonian Prime Minister", "The two leaders"},
			drop:  map[string]string{"WARSAW, March 6 (Reuters) - ": ReasonDateline, "(Reporting by": "", "First published": ReasonDateline},
		},
		{
			name: "tags and photo lines",
			text: leadA + "\nPhotograph: Ludovic Marin/AFP/Getty Images\n" + paraB + "\nTags: NATO, Estonia, air defence\nClick here to get our daily briefing\n",
			keep: []string{"Estonian", "The two leaders"},
			drop: map[string]string{"Photograph:": "", "Tags:": ReasonBoilerplate, "Click here": ReasonBoilerplate},
		},
		{
			name:  "a headline starting like a cue is still the headline",
			text:  "More allies pledge to spend five percent on defence\n\n" + leadA + "\n" + paraB + "\n",
			title: "More allies pledge to spend five percent on defence",
		},
		{
			name:  "a short lead right after the headline",
			text:  "Ministers back new drone coalition for the eastern flank\nBy Jane Doe\n\nZelensky met Macron in Rome on Friday.\n\n" + paraB + "\n\nShort last line here.\n",
			title: "Ministers back new drone coalition for the eastern flank",
			keep:  []string{"Zelensky met Macron in Rome on Friday.", "The two leaders"},
			drop:  map[string]string{"Short last line here.": ReasonShort},
		},
		{
			name:  "a short line ending in a colon introduces the quotation after the headline",
			text:  "Ministers back new drone coalition for the eastern flank\n\nThe defence ministers say the new drone coalition will protect the eastern flank from attacks\n\nThe Defence Secretary Jane Doe said:\n\n" + paraB + "\n",
			title: "Ministers back new drone coalition for the eastern flank",
			keep:  []string{"The Defence Secretary Jane Doe said:", "The two leaders"},
		},
		{
			name: "nav links and urls",
			text: leadA + "\n[Home](https://example.com) [World](https://example.com/world)\nhttps://example.com/news/2025/03/03/story.html\n" + paraB + "\n",
			keep: []string{"Estonian", "The two leaders"},
			drop: map[string]string{"[Home]": ReasonMarkup, "https://example.com/news": ReasonMarkup},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := &article.Doc{Text: tc.text}
			Clean(d)
			checkInvariants(t, d)
			if d.Meta.Title != tc.title {
				t.Errorf("title = %q, want %q", d.Meta.Title, tc.title)
			}
			if d.Meta.Published != tc.published {
				t.Errorf("published = %q, want %q", d.Meta.Published, tc.published)
			}
			if tc.published != "" && d.Meta.PublishedSource != "dateline" {
				t.Errorf("published source = %q", d.Meta.PublishedSource)
			}
			for _, k := range tc.keep {
				if !keptContains(d, k) {
					t.Errorf("not kept: %q (dropped as %q)", k, droppedAs(d, k))
				}
			}
			for s, reason := range tc.drop {
				got := droppedAs(d, s)
				if got == "" || (reason != "" && got != reason) {
					t.Errorf("%q dropped as %q, want %q", s, got, reason)
				}
				if keptContains(d, s) {
					t.Errorf("%q kept", s)
				}
			}
			for _, s := range tc.gone {
				if keptContains(d, s) {
					t.Errorf("%q kept", s)
				}
			}
			if t.Failed() {
				for _, k := range kept(d) {
					t.Logf("kept %q", k)
				}
				for _, x := range d.Dropped {
					t.Logf("drop %-13s %q", x.Reason, d.Text[x.Start:x.End])
				}
			}
		})
	}
}

func TestCleanKeepsGivenMetadata(t *testing.T) {
	d := &article.Doc{Text: "Allies weigh new timetable for aid\n07 March 2021\n" + leadA + "\n" + paraB + "\n"}
	d.Meta.Title = "Allies weigh new timetable for aid"
	d.Meta.Published, d.Meta.PublishedSource = "2021-03-08", "metadata"
	Clean(d)
	if d.Meta.Published != "2021-03-08" || d.Meta.PublishedSource != "metadata" {
		t.Errorf("published overwritten: %q %q", d.Meta.Published, d.Meta.PublishedSource)
	}
	if r := droppedAs(d, "Allies weigh"); r != ReasonTitle {
		t.Errorf("title line dropped as %q", r)
	}
	if r := droppedAs(d, "07 March"); r != ReasonDateline {
		t.Errorf("date line dropped as %q", r)
	}
}

func TestCleanAllJunkKeepsNothing(t *testing.T) {
	for _, text := range []string{"", "\n\n", "Share\nFacebook\nTwitter\nRead more\n"} {
		d := &article.Doc{Text: text}
		Clean(d)
		if d.Blocks == nil || len(d.Blocks) != 0 {
			t.Errorf("%q: blocks = %#v, want empty and non-nil", text, d.Blocks)
		}
	}
}

func TestFindDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"07:38 GMT02 April 2020", "2020-04-02"},
		{"April 25, 2024", "2024-04-25"},
		{"Published Sept. 3 2023 at 10:00", "2023-09-03"},
		{"2024-11-23T08:00:00Z", "2024-11-23"},
		{"Monday 1st of December 2025", "2025-12-01"},
		{"23.11.2024", "2024-11-23"},
		{"03.04.2024", ""}, // ambiguous
		{"Nov 23", ""},     // no year
		{"February 30, 2024", ""},
		{"in 2024 and 2025", ""},
	}
	for _, tc := range tests {
		got, _, _, _ := FindDate(tc.in)
		if got != tc.want {
			t.Errorf("FindDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestPrefixDateline(t *testing.T) {
	tests := []struct {
		in   string
		cut  string
		date string
	}{
		{"WASHINGTON, Nov 23 (Reuters) - The talks", "WASHINGTON, Nov 23 (Reuters) - ", ""},
		{"KYIV, Ukraine, Nov. 23, 2024 (AP) — Officials", "KYIV, Ukraine, Nov. 23, 2024 (AP) — ", "2024-11-23"},
		{"BRUSSELS (AFP) - NATO", "BRUSSELS (AFP) - ", ""},
		{"NEW YORK, 4 June - Markets", "NEW YORK, 4 June - ", ""},
		{"NATO - the alliance said", "", ""},
		{"Rutte - who met Trump - said", "", ""},
	}
	for _, tc := range tests {
		n, date := prefixDateline(tc.in)
		if tc.in[:n] != tc.cut || date != tc.date {
			t.Errorf("prefixDateline(%q) = %q %q, want %q %q", tc.in, tc.in[:n], date, tc.cut, tc.date)
		}
	}
}

// checkInvariants: spans within bounds, non-empty, ordered, non-overlapping (blocks and
// dropped together), blocks trimmed.
func checkInvariants(t testing.TB, d *article.Doc) {
	t.Helper()
	type sp struct {
		article.Span
		block bool
	}
	var all []sp
	for _, b := range d.Blocks {
		all = append(all, sp{b, true})
	}
	for _, x := range d.Dropped {
		all = append(all, sp{x.Span, false})
		if x.Reason == "" {
			t.Errorf("dropped %v without reason", x.Span)
		}
	}
	prevB := -1
	for _, b := range d.Blocks {
		if b.Start < prevB {
			t.Errorf("blocks out of order at %v", b)
		}
		prevB = b.End
		if b.Start < 0 || b.End > len(d.Text) || b.Start >= b.End {
			t.Fatalf("block %v out of bounds (len %d)", b, len(d.Text))
		}
		s := d.Text[b.Start:b.End]
		if strings.TrimFunc(s, isSpace) != s {
			t.Errorf("block %v not trimmed: %q", b, s)
		}
	}
	prevD := -1
	for _, x := range d.Dropped {
		if x.Start < prevD {
			t.Errorf("dropped out of order at %v", x.Span)
		}
		prevD = x.End
		if x.Start < 0 || x.End > len(d.Text) || x.Start >= x.End {
			t.Fatalf("dropped %v out of bounds (len %d)", x.Span, len(d.Text))
		}
	}
	// no overlap between any two spans
	for i := range all {
		for j := i + 1; j < len(all) && j < i+64; j++ {
			a, b := all[i], all[j]
			if a.Start < b.End && b.Start < a.End {
				t.Errorf("spans overlap: %v and %v", a.Span, b.Span)
			}
		}
	}
}

func FuzzClean(f *testing.F) {
	f.Add(leadA + "\n" + paraB)
	f.Add("Title Of A Story Here Now\n07:38 GMT02 April 2020\nWASHINGTON, Nov 23 (Reuters) - " + leadA + " AP\nYou may also like\nOne two three four\nFive six seven eight\n")
	f.Add("# T\n\n- a\n- b, c, d, e, f\n" + paraC + "/XY\n\u00a0\n\ufeffx. Reuters")
	f.Add("a\r\nb\r\n\r\n")
	f.Add("")
	f.Add("\n\n\n")
	f.Fuzz(func(t *testing.T, s string) {
		d := &article.Doc{Text: s}
		Clean(d)
		checkInvariants(t, d)
		if len(d.Blocks) > 0 && strings.TrimSpace(s) == "" {
			t.Errorf("blocks from blank text")
		}
	})
}

// An article whose last sentence lacks its final stop, or that is one short line, keeps
// its text: it used to vanish whole (its only line taken for a headline or a fragment).
func TestShortAndOpenEndedArticlesKept(t *testing.T) {
	tests := []struct {
		name, text string
		keep       []string
	}{
		{"one line, last sentence unpunctuated",
			"Ukrainian President Volodymyr Zelenskyy met NATO chief Mark Rutte in Brussels on Tuesday. French President Emmanuel Macron visited Kyiv",
			[]string{"met NATO chief", "Macron visited Kyiv"}},
		{"agency tag after an unpunctuated end",
			"Ukrainian President Volodymyr Zelenskyy met NATO chief Mark Rutte in Brussels on Tuesday. French President Emmanuel Macron visited Kyiv (Reuters)",
			[]string{"Macron visited Kyiv"}},
		{"a paragraph then an unpunctuated one",
			leadA + "\n\nThe two leaders met again on Friday. German Chancellor Friedrich Merz visited Tallinn",
			[]string{"Merz visited Tallinn"}},
		{"three-word sentence", "Zelenskyy met Rutte.", []string{"Zelenskyy met Rutte"}},
		{"three words, no stop", "Zelenskyy met Rutte", []string{"Zelenskyy met Rutte"}},
		{"headline-like line alone", "Angela Merkel and Emmanuel Macron will meet in Aachen", []string{"will meet in Aachen"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &article.Doc{Text: tt.text}
			Clean(d)
			for _, k := range tt.keep {
				if !keptContains(d, k) {
					t.Errorf("%q not kept; kept %q, dropped %v", k, kept(d), d.Dropped)
				}
			}
		})
	}
}

// Headlines with abbreviations and initials are not read as holding a sentence.
func TestAbbreviationIsNoSentenceEnd(t *testing.T) {
	for _, h := range []string{"U.S. President Trump meets Putin in Alaska", "Mr. Trump hosts J. D. Vance at the White House"} {
		l := line{text: h}
		New(DefaultOptions()).features(&l)
		if l.terminated || l.openEnd {
			t.Errorf("%q read as holding a sentence", h)
		}
	}
}

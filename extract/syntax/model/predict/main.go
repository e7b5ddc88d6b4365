// Command predict tags and parses the words of each sentence of a CoNLL-U file with the
// syntax model and writes CoNLL-U (UPOS, XPOS, HEAD, DEPREL predicted; lemma, features and
// enhanced dependencies "_"), for scoring with ud_score.py without the newsgraph CLI:
//
//	go run ./extract/syntax/model/predict GOLD.conllu > PRED.conllu
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/extract/syntax/conllu"
	"github.com/newsgraph/newsgraph/extract/syntax/model"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout)) }

func run(args []string, stdout io.Writer) int {
	fs := flag.NewFlagSet("predict", flag.ContinueOnError)
	path := fs.String("model", "", "model file (default: the embedded model)")
	beam := fs.Int("beam", 0, "beam width to decode with (0: the one the model file asks for)")
	only := fs.String("parsers", "", "for experiments: parse with only these parsers of the model, by number (like 1,3)")
	var ens []string
	fs.Func("with", "for experiments: another model file whose parser votes with the model's (FILE or FILE:WEIGHT; repeatable)", func(s string) error {
		ens = append(ens, s)
		return nil
	})
	if err := fs.Parse(args); err != nil || fs.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: predict [-model FILE] [-beam N] GOLD.conllu > PRED.conllu")
		return 2
	}
	m, err := load(*path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "predict:", err)
		return 1
	}
	if *only != "" {
		var idx []int
		for _, f := range strings.Split(*only, ",") {
			i, err := strconv.Atoi(f)
			if err != nil {
				fmt.Fprintln(os.Stderr, "predict: -parsers:", err)
				return 2
			}
			idx = append(idx, i)
		}
		if m, err = m.Only(idx...); err != nil {
			fmt.Fprintln(os.Stderr, "predict:", err)
			return 1
		}
	}
	if m, err = withEnsemble(m, ens); err != nil {
		fmt.Fprintln(os.Stderr, "predict:", err)
		return 1
	}
	if *beam > 0 {
		m.SetBeam(*beam)
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "predict:", err)
		return 1
	}
	defer f.Close()
	if err := predict(m, conllu.NewReader(f, fs.Arg(0)), stdout); err != nil {
		fmt.Fprintln(os.Stderr, "predict:", err)
		return 1
	}
	return 0
}

func load(path string) (*model.Model, error) {
	if path == "" {
		return model.Default()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return model.Load(f)
}

func predict(m *model.Model, r *conllu.Reader, stdout io.Writer) error {
	w := bufio.NewWriter(stdout)
	var t model.Tree
	for {
		s, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		m.ParseInto(s.Forms(), &t)
		for i := range s.Words {
			x := &s.Words[i]
			x.Lemma, x.UPOS, x.XPOS, x.Feats = t.Lemma[i], t.UPOS[i], t.XPOS[i], "_"
			x.Head, x.Deprel, x.Deps = t.Head[i], t.Deprel[i], "_"
		}
		if err := conllu.Write(w, s); err != nil {
			return err
		}
	}
	return w.Flush()
}

// withEnsemble adds the parsers of the given model files (FILE or FILE:WEIGHT) to m.
func withEnsemble(m *model.Model, specs []string) (*model.Model, error) {
	var others []*model.Model
	for _, spec := range specs {
		path, w, ok := strings.Cut(spec, ":")
		o, err := load(path)
		if err != nil {
			return nil, err
		}
		if ok {
			f, err := strconv.ParseFloat(w, 32)
			if err != nil {
				return nil, fmt.Errorf("%s: bad weight", spec)
			}
			o.SetWeight(float32(f))
		}
		others = append(others, o)
	}
	if len(others) == 0 {
		return m, nil
	}
	return model.Combine(m, others...)
}

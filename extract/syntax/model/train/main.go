// Command train trains the syntax model on UD English EWT and writes the model file that
// package model embeds. `make model` runs it; see docs/syntax.md.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/extract/syntax/conllu"
	"github.com/newsgraph/newsgraph/extract/syntax/model"
)

func main() { os.Exit(run(os.Args[1:])) }

func run(args []string) int {
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	data := fs.String("data", "../shared/data/ud-english-ewt", "folder of en_ewt-ud-{train,dev}.conllu")
	out := fs.String("o", "extract/syntax/model/english.model", "model file to write")
	start := time.Now()
	cfg := model.TrainConfig{Log: stamped{start}}
	fs.Uint64Var(&cfg.Seed, "seed", 1, "random seed (shuffling, exploration)")
	fs.IntVar(&cfg.TagEpochs, "tag-epochs", 8, "tagger epochs")
	fs.IntVar(&cfg.ParseEpochs, "parse-epochs", 8, "parser epochs (the best on dev is kept)")
	fs.IntVar(&cfg.Folds, "folds", 5, "jackknife folds for the parser's training tags")
	fs.BoolVar(&cfg.SecondPass, "second-pass", true, "second tagging pass")
	fs.Float64Var(&cfg.Explore, "explore", 0.9, "probability of following a wrong move after epoch 1")
	fs.IntVar(&cfg.Beam, "beam", 8, "beam width (1 = greedy)")
	fs.IntVar(&cfg.BeamEpochs, "beam-epochs", 6, "epochs of global beam training after the greedy ones")
	warm := fs.String("warm", "", "for experiments: start the beam epochs from this model file's parser")
	prune := fs.Float64("prune", 0.2, "drop tagger weights whose magnitude is below this (model size)")
	pruneParser := fs.Float64("prune-parser", 0.6, "the same for the transition classifier")
	pruneLabeller := fs.Float64("prune-labeller", 0.5, "the same for the labeller")
	fs.IntVar(&cfg.DecodeBeam, "decode-beam", 0, "beam width the model file asks for when parsing (0: the training beam)")
	fs.BoolVar(&cfg.Projectivize, "projectivize", true, "train on non-projective trees with their crossing arcs lifted (else skip them)")
	parsers := fs.String("parsers", "l2r/8x5@1,l2r/4x4@2,r2l/4x4@1", "the parsers to train, comma-separated, each DIRECTION[/BEAMxEPOCHS][@SEED] (direction l2r or r2l; beam width and global epochs, default -beam and -beam-epochs; seed, default -seed plus the parser's index); more than one votes as an ensemble")
	fs.BoolVar(&cfg.Fast, "fast", false, "train the fast model's smaller feature sets (make model-fast; docs/syntax.md, The fast model)")
	fs.StringVar(&cfg.TagCache, "tag-cache", "", "file keeping the tagger and jackknifed tags between runs (for parser experiments)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	var err error
	if cfg.Parsers, err = directions(*parsers); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		return 2
	}
	train, err := read(filepath.Join(*data, "en_ewt-ud-train.conllu"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	dev, err := read(filepath.Join(*data, "en_ewt-ud-dev.conllu"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if *warm != "" {
		if cfg.Warm, err = loadFile(*warm); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	}
	m, _, err := model.Train(train, dev, cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		return 1
	}
	pruning, err := pruneToSize(m, float32(*prune), float32(*pruneParser), float32(*pruneLabeller))
	if err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		return 1
	}
	if cfg.DecodeBeam > 0 {
		pruning += fmt.Sprintf("; decoding beam %d", cfg.DecodeBeam)
	}
	if err := save(m, dev, cfg, pruning, *out); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		return 1
	}
	fmt.Fprintf(os.Stderr, "wrote %s in %s\n", *out, time.Since(start).Round(time.Second))
	return 0
}

// maxBytes is the model file's size limit; pruneToSize raises the transition classifier's
// threshold (its table is the largest) until the model fits.
const maxBytes = 24 << 20

func pruneToSize(m *model.Model, tagger, parser, labeller float32) (string, error) {
	m.Prune(tagger, parser, labeller)
	for {
		var buf bytes.Buffer
		if err := m.Write(&buf, nil); err != nil {
			return "", err
		}
		pruning := fmt.Sprintf("tagger %g, parser %g, labeller %g", tagger, parser, labeller)
		fmt.Fprintf(os.Stderr, "pruned below %s: %d bytes; %s\n", pruning, buf.Len(), m.Sizes())
		if buf.Len() <= maxBytes {
			return pruning, nil
		}
		parser *= 1.1
		m.Prune(tagger, parser, labeller)
	}
}

func loadFile(path string) (*model.Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return model.Load(f)
}

func read(path string) ([]*conllu.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return conllu.ReadAll(f, path)
}

// save writes the model with its header; the header's dev scores are those of the
// quantised model as written, measured by reloading it.
func save(m *model.Model, dev []*conllu.Sentence, cfg model.TrainConfig, prune string, out string) error {
	var buf bytes.Buffer
	if err := m.Write(&buf, nil); err != nil {
		return err
	}
	q, err := model.Load(&buf)
	if err != nil {
		return err
	}
	sc := model.Evaluate(q, dev, false)
	fmt.Fprintf(os.Stderr, "model as written: dev %s\n", sc)
	header := []string{
		"Tagger and dependency parser for English (newsgraph, extract/syntax/model).",
		"Trained on UD English EWT v2.15 (Universal Dependencies English Web Treebank, https://github.com/UniversalDependencies/UD_English-EWT),",
		"Silveira et al. 2014, Linguistic Data Consortium / Universal Dependencies contributors.",
		"Licence: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/). This model is derived from",
		"the treebank and is distributed under the same licence.",
		fmt.Sprintf("Training: features %s, seed %d, tagger epochs %d, parsers %s, parser epochs %d, jackknife folds %d, second pass %v, explore %.2f, beam %d (%d epochs), projectivize %v, weights pruned below: %s.",
			featureSets(cfg.Fast), cfg.Seed, cfg.TagEpochs, parserList(cfg.ParserSpecs()), cfg.ParseEpochs, cfg.Folds, cfg.SecondPass, cfg.Explore, cfg.Beam, cfg.BeamEpochs, cfg.Projectivize, prune),
		"Word clusters: " + model.ClustersCredit() + ".",
		"Classifiers: " + m.Sizes() + ".",
		"EWT dev (gold words): " + sc.String(),
	}
	buf.Reset()
	if err := m.Write(&buf, header); err != nil {
		return err
	}
	return os.WriteFile(out, buf.Bytes(), 0o644)
}

func featureSets(fast bool) string {
	if fast {
		return "fast"
	}
	return "full"
}

// stamped writes to stderr with the time since the start in front.
type stamped struct{ start time.Time }

func (s stamped) Write(p []byte) (int, error) {
	fmt.Fprintf(os.Stderr, "[%5.0fs] %s", time.Since(s.start).Seconds(), p)
	return len(p), nil
}

// directions parses the -parsers list.
func directions(list string) ([]model.ParserSpec, error) {
	var specs []model.ParserSpec
	for _, item := range strings.Split(list, ",") {
		rest, seed, hasSeed := strings.Cut(strings.TrimSpace(item), "@")
		d, beam, hasBeam := strings.Cut(rest, "/")
		var p model.ParserSpec
		if hasSeed {
			if n, err := fmt.Sscanf(seed, "%d", &p.Seed); n != 1 || err != nil || p.Seed == 0 {
				return nil, fmt.Errorf("-parsers: %q: the seed is not a positive number", item)
			}
		}
		switch d {
		case "l2r":
		case "r2l":
			p.Reverse = true
		default:
			return nil, fmt.Errorf("-parsers: %q: the direction is not l2r or r2l", item)
		}
		if hasBeam {
			if n, err := fmt.Sscanf(beam, "%dx%d", &p.Beam, &p.BeamEpochs); n != 2 || err != nil || p.Beam < 1 || p.BeamEpochs < 0 {
				return nil, fmt.Errorf("-parsers: %q: the beam is not BEAMxEPOCHS (like 8x5)", item)
			}
		}
		specs = append(specs, p)
	}
	return specs, nil
}

func parserList(specs []model.ParserSpec) string {
	names := make([]string, len(specs))
	for i, p := range specs {
		names[i] = p.String()
	}
	return strings.Join(names, ",")
}

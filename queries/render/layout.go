package render

import (
	"math"
	"math/rand"
	"sort"
)

// Point is a position in the drawing.
type Point struct{ X, Y float64 }

// ideal is the preferred edge length of the layout, in pixels before fitting.
const ideal = 90.0

// Layout places the nodes of g inside a w x h box (margin m). Each connected component
// gets a force-directed layout (Fruchterman-Reingold, started from a circle with a
// fixed-seed jitter); the components are then packed in rows, largest first, and the
// whole scaled to fit. The same graph always gets the same picture: explicit float64
// conversions keep the compiler from fusing multiply-adds, so every architecture computes
// the same positions.
func Layout(g *Graph, w, h, m float64) []Point {
	n := len(g.Nodes)
	pos := make([]Point, n)
	if n == 0 {
		return pos
	}
	index := make(map[string]int, n)
	for i, nd := range g.Nodes {
		index[nd.Key] = i
	}
	adj := make([][]int, n)
	seen := map[[2]int]bool{}
	for _, e := range g.Edges {
		a, ok1 := index[e.From]
		b, ok2 := index[e.To]
		if !ok1 || !ok2 || a == b {
			continue
		}
		if a > b {
			a, b = b, a
		}
		if !seen[[2]int{a, b}] {
			seen[[2]int{a, b}] = true
			adj[a] = append(adj[a], b)
			adj[b] = append(adj[b], a)
		}
	}

	// Connected components, each a list of node indexes in ascending order.
	comp := make([]int, n)
	for i := range comp {
		comp[i] = -1
	}
	var comps [][]int
	for i := 0; i < n; i++ {
		if comp[i] >= 0 {
			continue
		}
		c := len(comps)
		stack := []int{i}
		comp[i] = c
		var members []int
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			members = append(members, v)
			for _, u := range adj[v] {
				if comp[u] < 0 {
					comp[u] = c
					stack = append(stack, u)
				}
			}
		}
		sort.Ints(members)
		comps = append(comps, members)
	}
	sort.SliceStable(comps, func(i, j int) bool { return len(comps[i]) > len(comps[j]) })

	// Lay out each component around (0, 0), then pack the bounding boxes in rows.
	type box struct {
		members []int
		pts     []Point
		w, h    float64
	}
	boxes := make([]box, len(comps))
	area := 0.0
	for ci, members := range comps {
		pts := fr(members, adj, comp, ci)
		minX, minY, maxX, maxY := bounds(pts)
		for i := range pts {
			pts[i] = Point{pts[i].X - minX, pts[i].Y - minY}
		}
		b := box{members: members, pts: pts, w: maxX - minX, h: maxY - minY}
		boxes[ci] = b
		area += float64((b.w + ideal) * (b.h + ideal))
	}
	rowWidth := math.Max(float64(math.Sqrt(area)*(w/h)), boxes[0].w+ideal)
	x, y, rowH := 0.0, 0.0, 0.0
	for _, b := range boxes {
		if x > 0 && x+b.w > rowWidth {
			x, y, rowH = 0, y+rowH+ideal, 0
		}
		for k, i := range b.members {
			pos[i] = Point{x + b.pts[k].X, y + b.pts[k].Y}
		}
		x += b.w + ideal
		rowH = math.Max(rowH, b.h)
	}

	// Turn the longest extent of the picture along the wide drawing.
	rotate(pos)

	// Fit into the drawing, keeping the aspect ratio; small graphs are not blown up
	// beyond three times the ideal edge length.
	minX, minY, maxX, maxY := bounds(pos)
	bw, bh := math.Max(maxX-minX, 1), math.Max(maxY-minY, 1)
	scale := math.Min(math.Min(float64(w-2*m)/bw, float64(h-2*m)/bh), 3)
	offX := float64(w-float64(bw*scale)) / 2
	offY := float64(h-float64(bh*scale)) / 2
	if n == 1 {
		offX, offY = w/2, h/2
	}
	for i, p := range pos {
		pos[i] = Point{
			X: round1(offX + float64((p.X-minX)*scale)),
			Y: round1(offY + float64((p.Y-minY)*scale)),
		}
	}
	return pos
}

// fr is the Fruchterman-Reingold layout of one component (node indexes members, in
// ascending order), with ideal edge length ideal and a weak pull to the centre.
func fr(members []int, adj [][]int, comp []int, c int) []Point {
	n := len(members)
	pts := make([]Point, n)
	if n == 1 {
		return pts
	}
	local := make(map[int]int, n)
	for k, i := range members {
		local[i] = k
	}
	var edges [][2]int
	for k, i := range members {
		for _, j := range adj[i] {
			if comp[j] == c && i < j {
				edges = append(edges, [2]int{k, local[j]})
			}
		}
	}
	rng := rand.New(rand.NewSource(int64(1 + members[0])))
	radius := float64(ideal*math.Sqrt(float64(n))) / 2
	for k := range pts {
		angle := float64(2*math.Pi*float64(k)) / float64(n)
		pts[k] = Point{
			X: float64(radius*math.Cos(angle)) + float64(rng.Float64()*4) - 2,
			Y: float64(radius*math.Sin(angle)) + float64(rng.Float64()*4) - 2,
		}
	}
	// Repulsion reaches a little further than the ideal edge length: dense cores spread.
	k2 := float64(1.8 * ideal * ideal)
	const iterations = 400
	disp := make([]Point, n)
	for it := 0; it < iterations; it++ {
		temp := float64(radius/2) * float64(1-float64(it)/iterations)
		for i := range disp {
			disp[i] = Point{}
		}
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				dx, dy := pts[i].X-pts[j].X, pts[i].Y-pts[j].Y
				dist := math.Max(math.Hypot(dx, dy), 0.01)
				f := k2 / dist
				fx, fy := float64(dx/dist)*f, float64(dy/dist)*f
				disp[i].X, disp[i].Y = disp[i].X+fx, disp[i].Y+fy
				disp[j].X, disp[j].Y = disp[j].X-fx, disp[j].Y-fy
			}
		}
		for _, e := range edges {
			dx, dy := pts[e[0]].X-pts[e[1]].X, pts[e[0]].Y-pts[e[1]].Y
			dist := math.Max(math.Hypot(dx, dy), 0.01)
			f := float64(dist*dist) / ideal
			fx, fy := float64(dx/dist)*f, float64(dy/dist)*f
			disp[e[0]].X, disp[e[0]].Y = disp[e[0]].X-fx, disp[e[0]].Y-fy
			disp[e[1]].X, disp[e[1]].Y = disp[e[1]].X+fx, disp[e[1]].Y+fy
		}
		for i := range pts {
			gx, gy := float64(0.02*pts[i].X), float64(0.02*pts[i].Y)
			dx, dy := disp[i].X-gx, disp[i].Y-gy
			d := math.Max(math.Hypot(dx, dy), 0.01)
			step := math.Min(d, temp)
			pts[i].X += float64(dx/d) * step
			pts[i].Y += float64(dy/d) * step
		}
	}
	return pts
}

// rotate turns pts about their centroid so that their principal axis is horizontal.
func rotate(pts []Point) {
	if len(pts) < 3 {
		return
	}
	var cx, cy float64
	for _, p := range pts {
		cx, cy = cx+p.X, cy+p.Y
	}
	cx, cy = cx/float64(len(pts)), cy/float64(len(pts))
	var sxx, syy, sxy float64
	for _, p := range pts {
		dx, dy := p.X-cx, p.Y-cy
		sxx += float64(dx * dx)
		syy += float64(dy * dy)
		sxy += float64(dx * dy)
	}
	a := -0.5 * math.Atan2(float64(2*sxy), sxx-syy)
	cos, sin := math.Cos(a), math.Sin(a)
	for i, p := range pts {
		dx, dy := p.X-cx, p.Y-cy
		pts[i] = Point{float64(dx*cos) - float64(dy*sin), float64(dx*sin) + float64(dy*cos)}
	}
}

func bounds(pts []Point) (minX, minY, maxX, maxY float64) {
	minX, minY, maxX, maxY = pts[0].X, pts[0].Y, pts[0].X, pts[0].Y
	for _, p := range pts {
		minX, maxX = math.Min(minX, p.X), math.Max(maxX, p.X)
		minY, maxY = math.Min(minY, p.Y), math.Max(maxY, p.Y)
	}
	return
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }

package report

import (
	"embed"
	"html/template"
	"strconv"
)

// Plot box helpers for the template.
func (f frame) MidX() float64 { return (f.L + f.R) / 2 }
func (f frame) MidY() float64 { return (f.T + f.B) / 2 }
func (f frame) PW() float64   { return f.R - f.L }
func (f frame) PH() float64   { return f.B - f.T }

// YLabelX is where the y axis's label goes: clear of tick labels of up to
// four characters, even in the larger letters of a narrow screen.
func (f frame) YLabelX() float64 { return max(14, f.L-62) }

var funcs = template.FuncMap{
	// f writes an SVG coordinate to a tenth of a unit.
	"f":   func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) },
	"add": func(a, b float64) float64 { return a + b },
	"mulInt": func(v ...int) int {
		p := 1
		for _, x := range v {
			p *= x
		}
		return p
	},
	// nth is the position of the i-th of evenly spaced items from base.
	"nth": func(base float64, i int, step float64) float64 { return base + float64(i)*step },
}

// The pages: common.html holds the styles and the parts both pages use.
//
//go:embed templates/*.html
var templates embed.FS

var (
	pageTemplate  = parse("templates/train.html")
	sweepTemplate = parse("templates/sweep.html")
)

func parse(page string) *template.Template {
	return template.Must(template.New("").Funcs(funcs).ParseFS(templates, "templates/common.html", page)).Lookup("page")
}

package report

import (
	"html/template"
	"strconv"
)

// Plot box helpers for the template.
func (f frame) MidX() float64 { return (f.L + f.R) / 2 }
func (f frame) MidY() float64 { return (f.T + f.B) / 2 }
func (f frame) PW() float64   { return f.R - f.L }
func (f frame) PH() float64   { return f.B - f.T }

var funcs = template.FuncMap{
	// f writes an SVG coordinate to a tenth of a unit.
	"f":   func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) },
	"add": func(a, b float64) float64 { return a + b },
}

var pageTemplate = template.Must(template.New("page").Funcs(funcs).Parse(pageHTML))

const pageHTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #222; max-width: 1160px; margin: 24px auto; padding: 0 16px; }
h1 { font-size: 1.6em; margin: 0 0 12px; }
h2 { font-size: 1.2em; margin: 28px 0 8px; }
table.summary { border-collapse: collapse; margin-bottom: 16px; }
table.summary th { text-align: left; font-weight: 600; color: #555; padding: 3px 18px 3px 0; }
table.summary td { font-variant-numeric: tabular-nums; }
.plots { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
figure { margin: 0; }
.plots figure { width: min-content; }
figcaption { font-size: 13px; color: #444; }
svg { display: block; }
svg text { font: 12px system-ui, "DejaVu Sans", sans-serif; fill: #333; }
svg .title { font-size: 14px; font-weight: 600; }
svg .label { font-size: 13px; }
.grid { stroke: #e6e6e6; }
.axis { fill: none; stroke: #333; }
.tick { stroke: #333; }
.curve { fill: none; stroke: #1f77b4; stroke-width: 2; }
.dot { fill: #1f77b4; }
.c0, .c1 { stroke: #fff; stroke-width: 0.7; }
.c0 { fill: #c0392b; }
.c1 { fill: #1f5fa8; }
.pictures { display: flex; flex-wrap: wrap; gap: 16px; }
.pictures figure { width: 150px; }
.pictures img { display: block; border: 1px solid #ccc; }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<table class="summary">
{{- range .Summary}}
<tr><th>{{.Name}}</th><td>{{.Value}}</td></tr>
{{- end}}
</table>
<div class="plots">
{{- with .Cost}}
<figure>
<svg width="{{f .W}}" height="{{f .H}}" viewBox="0 0 {{f .W}} {{f .H}}" role="img" aria-label="{{.Title}}">
{{- template "frame" .}}
{{- if .Count}}
<polyline class="curve" points="{{.Line}}"/>
{{- range .Dots}}
<circle class="dot" cx="{{f .X}}" cy="{{f .Y}}" r="2.5"/>
{{- end}}
{{- else}}
<text x="{{f .MidX}}" y="{{f .MidY}}" text-anchor="middle">no finite cost to plot</text>
{{- end}}
</svg>
<figcaption>The cost after each recorded iteration.{{if .Skipped}} {{.Skipped}} cost(s) that are not finite numbers are left out.{{end}}</figcaption>
</figure>
{{- end}}
{{- with .Boundary}}
<figure>
<svg width="{{f .W}}" height="{{f .H}}" viewBox="0 0 {{f .W}} {{f .H}}" role="img" aria-label="{{.Title}}">
<image href="{{.Picture}}" x="{{f .L}}" y="{{f .T}}" width="{{f .PW}}" height="{{f .PH}}" preserveAspectRatio="none"/>
{{- template "frame" .}}
{{- range .Points}}
<circle class="c{{.Class}}" cx="{{f .X}}" cy="{{f .Y}}" r="3"/>
{{- end}}
</svg>
<figcaption>Shaded: the class the model predicts (ŷ &gt; 0.5: blue). Points: the data, red for label 0, blue for label 1.</figcaption>
</figure>
{{- end}}
</div>
{{- if .Pictures}}
<h2>Mislabelled pictures</h2>
<p>The number after the predicted class is the model's output ŷ, the probability it gives to class 1.</p>
<div class="pictures">
{{- range .Pictures}}
<figure><img src="{{.URI}}" width="{{.W}}" height="{{.H}}" alt="{{.Caption}}"><figcaption>{{.Caption}}</figcaption></figure>
{{- end}}
</div>
{{- end}}
</body>
</html>
{{define "frame"}}
<text class="title" x="{{f .MidX}}" y="{{f (add .T -14)}}" text-anchor="middle">{{.Title}}</text>
{{- range .XTicks}}
<line class="grid" x1="{{f .Pos}}" x2="{{f .Pos}}" y1="{{f $.T}}" y2="{{f $.B}}"/>
<line class="tick" x1="{{f .Pos}}" x2="{{f .Pos}}" y1="{{f $.B}}" y2="{{f (add $.B 5)}}"/>
<text x="{{f .Pos}}" y="{{f (add $.B 19)}}" text-anchor="middle">{{.Text}}</text>
{{- end}}
{{- range .YTicks}}
<line class="grid" x1="{{f $.L}}" x2="{{f $.R}}" y1="{{f .Pos}}" y2="{{f .Pos}}"/>
<line class="tick" x1="{{f (add $.L -5)}}" x2="{{f $.L}}" y1="{{f .Pos}}" y2="{{f .Pos}}"/>
<text x="{{f (add $.L -8)}}" y="{{f (add .Pos 4)}}" text-anchor="end">{{.Text}}</text>
{{- end}}
<rect class="axis" x="{{f .L}}" y="{{f .T}}" width="{{f .PW}}" height="{{f .PH}}"/>
<text class="label" x="{{f .MidX}}" y="{{f (add .B 40)}}" text-anchor="middle">{{.XLabel}}</text>
<text class="label" transform="translate({{f (add .L -50)}} {{f .MidY}}) rotate(-90)" text-anchor="middle">{{.YLabel}}</text>
{{- end}}
`

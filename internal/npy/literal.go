package npy

import (
	"fmt"
	"strings"
)

// The header of an .npy file is a Python literal, read by numpy with
// ast.literal_eval. This file parses the part of Python's literal syntax
// that headers use: dicts, tuples, lists, strings, integers (with the "L"
// suffix of Python 2), True, False and None.

// pyKind is the type of a pyValue.
type pyKind int

const (
	pyString pyKind = iota
	pyInt
	pyBool
	pyNone
	pyTuple
	pyList
	pyDict
)

// pyValue is a parsed Python literal.
type pyValue struct {
	kind  pyKind
	text  string    // pyString: the string; pyInt: the digits, with a leading '-' if negative
	b     bool      // pyBool
	items []pyValue // pyTuple, pyList: the elements; pyDict: the values
	keys  []pyValue // pyDict: keys[i] maps to items[i]
}

// maxNesting bounds how deeply brackets may nest; headers need 3.
const maxNesting = 16

// parseLiteral parses s, a Python literal with surrounding white space.
func parseLiteral(s string) (pyValue, error) {
	p := &litParser{s: s}
	v, err := p.value(0)
	if err != nil {
		return pyValue{}, err
	}
	p.skipSpace()
	if p.i < len(p.s) {
		return pyValue{}, p.errorf("unexpected %q after the end of the literal", p.s[p.i])
	}
	return v, nil
}

// litParser reads s from offset i.
type litParser struct {
	s string
	i int
}

func (p *litParser) errorf(format string, args ...any) error {
	return fmt.Errorf("at offset %d: %s", p.i, fmt.Sprintf(format, args...))
}

func (p *litParser) skipSpace() {
	for p.i < len(p.s) && strings.IndexByte(" \t\n\r\f\v", p.s[p.i]) >= 0 {
		p.i++
	}
}

// value parses one literal at nesting depth.
func (p *litParser) value(depth int) (pyValue, error) {
	if depth > maxNesting {
		return pyValue{}, p.errorf("brackets nested more than %d deep", maxNesting)
	}
	p.skipSpace()
	if p.i >= len(p.s) {
		return pyValue{}, p.errorf("unexpected end of text")
	}
	switch c := p.s[p.i]; {
	case c == '{':
		return p.dict(depth)
	case c == '(':
		return p.sequence(depth, pyTuple, ')')
	case c == '[':
		return p.sequence(depth, pyList, ']')
	case c == '\'' || c == '"':
		return p.str()
	case c == '-' || c == '+' || isDigit(c):
		return p.integer()
	case isLetter(c):
		start := p.i
		for p.i < len(p.s) && (isLetter(p.s[p.i]) || isDigit(p.s[p.i])) {
			p.i++
		}
		switch word := p.s[start:p.i]; word {
		case "True", "False":
			return pyValue{kind: pyBool, b: word == "True"}, nil
		case "None":
			return pyValue{kind: pyNone}, nil
		default:
			p.i = start
			return pyValue{}, p.errorf("unknown name %q", word)
		}
	default:
		return pyValue{}, p.errorf("unexpected %q", c)
	}
}

// dict parses {key: value, ...} with an optional trailing comma.
func (p *litParser) dict(depth int) (pyValue, error) {
	p.i++ // '{'
	v := pyValue{kind: pyDict}
	for {
		p.skipSpace()
		if p.i < len(p.s) && p.s[p.i] == '}' {
			p.i++
			return v, nil
		}
		k, err := p.value(depth + 1)
		if err != nil {
			return pyValue{}, err
		}
		p.skipSpace()
		if p.i >= len(p.s) || p.s[p.i] != ':' {
			return pyValue{}, p.errorf("missing ':' after a dict key")
		}
		p.i++
		x, err := p.value(depth + 1)
		if err != nil {
			return pyValue{}, err
		}
		v.keys = append(v.keys, k)
		v.items = append(v.items, x)
		if !p.comma('}') {
			return pyValue{}, p.errorf("missing ',' or '}' in a dict")
		}
	}
}

// sequence parses a tuple or a list, the opening bracket at p.i. As in
// Python, "(x)" without a comma is x itself, not a tuple.
func (p *litParser) sequence(depth int, kind pyKind, closing byte) (pyValue, error) {
	p.i++ // '(' or '['
	v := pyValue{kind: kind, items: []pyValue{}}
	sawComma := false
	for {
		p.skipSpace()
		if p.i < len(p.s) && p.s[p.i] == closing {
			p.i++
			if kind == pyTuple && len(v.items) == 1 && !sawComma {
				return v.items[0], nil
			}
			return v, nil
		}
		x, err := p.value(depth + 1)
		if err != nil {
			return pyValue{}, err
		}
		v.items = append(v.items, x)
		p.skipSpace()
		if p.i < len(p.s) && p.s[p.i] == ',' {
			sawComma = true
		}
		if !p.comma(closing) {
			return pyValue{}, p.errorf("missing ',' or %q", closing)
		}
	}
}

// comma consumes a ',' and reports true, or reports true without
// consuming anything if closing comes next; else it reports false.
func (p *litParser) comma(closing byte) bool {
	p.skipSpace()
	if p.i >= len(p.s) {
		return false
	}
	switch p.s[p.i] {
	case ',':
		p.i++
		return true
	case closing:
		return true
	}
	return false
}

// str parses a single- or double-quoted string on one line. Backslash
// escapes of the quote, the backslash and \n, \t are decoded; any other
// backslash is kept, as Python keeps unknown escapes.
func (p *litParser) str() (pyValue, error) {
	quote := p.s[p.i]
	p.i++
	var b strings.Builder
	for p.i < len(p.s) {
		c := p.s[p.i]
		p.i++
		switch {
		case c == quote:
			return pyValue{kind: pyString, text: b.String()}, nil
		case c == '\n':
			return pyValue{}, p.errorf("line break inside a string")
		case c == '\\' && p.i < len(p.s):
			e := p.s[p.i]
			p.i++
			switch e {
			case '\\', '\'', '"':
				b.WriteByte(e)
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			default:
				b.WriteByte('\\')
				b.WriteByte(e)
			}
		default:
			b.WriteByte(c)
		}
	}
	return pyValue{}, p.errorf("unterminated string")
}

// integer parses an optionally signed decimal integer, with the "L" suffix
// that Python 2 wrote after long integers. The digits are kept as text so
// that an integer too large for an int is reported where it is used.
func (p *litParser) integer() (pyValue, error) {
	neg := false
	if c := p.s[p.i]; c == '-' || c == '+' {
		neg = c == '-'
		p.i++
	}
	start := p.i
	for p.i < len(p.s) && isDigit(p.s[p.i]) {
		p.i++
	}
	if p.i == start {
		return pyValue{}, p.errorf("a sign without digits")
	}
	digits := strings.TrimLeft(p.s[start:p.i], "0")
	if digits == "" {
		digits = "0"
	}
	if p.i < len(p.s) && p.s[p.i] == 'L' {
		p.i++
	}
	if p.i < len(p.s) && (isLetter(p.s[p.i]) || p.s[p.i] == '.') {
		return pyValue{}, p.errorf("a number that is not a decimal integer")
	}
	if neg && digits != "0" {
		digits = "-" + digits
	}
	return pyValue{kind: pyInt, text: digits}, nil
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' }

// String returns v as Python would print it, for error messages.
func (v pyValue) String() string {
	switch v.kind {
	case pyString:
		return "'" + v.text + "'"
	case pyInt:
		return v.text
	case pyBool:
		if v.b {
			return "True"
		}
		return "False"
	case pyNone:
		return "None"
	case pyDict:
		parts := make([]string, len(v.keys))
		for i := range v.keys {
			parts[i] = v.keys[i].String() + ": " + v.items[i].String()
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	parts := make([]string, len(v.items))
	for i, x := range v.items {
		parts[i] = x.String()
	}
	if v.kind == pyList {
		return "[" + strings.Join(parts, ", ") + "]"
	}
	if len(parts) == 1 {
		return "(" + parts[0] + ",)"
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

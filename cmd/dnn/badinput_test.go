package main

// The bad-input battery: the dnn command is built once and run as a user
// runs it, in a folder of its own, on inputs that are wrong in one way each,
// under an address-space limit of 3 GB (ulimit -v 3000000) and a minute.
// Every run must fail with exit status 1 and one line on stderr naming the
// problem, print no stack trace, and leave its folder exactly as it was: no
// output file, not even a half-written or temporary one, and every older
// file byte for byte unchanged. Among the inputs are hostile ones: small
// files that declare gigabytes, named pipes and devices where files are
// expected.

import (
	"archive/zip"
	"bytes"
	"context"
	"dnn/internal/testutil/stepcheck"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io/fs"
	"maps"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"dnn/internal/hostile"
	"dnn/internal/npy"
	"dnn/matrix"
)

var dnnBuild struct {
	once sync.Once
	dir  string // holds the binary; removed by TestMain
	path string
	err  error
}

func TestMain(m *testing.M) {
	code := stepcheck.Run(m)
	if dnnBuild.dir != "" {
		os.RemoveAll(dnnBuild.dir)
	}
	os.Exit(code)
}

// dnnBinary builds the dnn command once per test run and returns its path.
func dnnBinary(t *testing.T) string {
	t.Helper()
	dnnBuild.once.Do(func() {
		gobin, err := exec.LookPath("go")
		if err != nil {
			gobin = filepath.Join(runtime.GOROOT(), "bin", "go")
		}
		if dnnBuild.dir, dnnBuild.err = os.MkdirTemp("", "dnn-badinput-"); dnnBuild.err != nil {
			return
		}
		dnnBuild.path = filepath.Join(dnnBuild.dir, "dnn")
		out, err := exec.Command(gobin, "build", "-o", dnnBuild.path, ".").CombinedOutput()
		if err != nil {
			dnnBuild.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if dnnBuild.err != nil {
		t.Fatalf("cannot build the dnn command: %v", dnnBuild.err)
	}
	return dnnBuild.path
}

// addressSpace is the limit, in kB, under which runDNN runs the command
// (ulimit -v): the files that declare gigabytes must be refused, not
// crash the command when it runs out of memory.
const addressSpace = 3000000

// runDNN runs the built command with args in folder dir, under a 3 GB
// address-space limit where there is a shell to set it, and returns what
// it printed and its exit status.
func runDNN(t *testing.T, dir string, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, dnnBinary(t), args...)
	if sh, err := exec.LookPath("sh"); err == nil && runtime.GOOS != "windows" {
		// Where the shell cannot set the limit, the memory limit's fallback
		// (2 GB) still stands between the command and the hostile files.
		script := fmt.Sprintf(`ulimit -v %d 2>/dev/null; exec "$0" "$@"`, addressSpace)
		cmd = exec.CommandContext(ctx, sh, append([]string{"-c", script, dnnBinary(t)}, args...)...)
	}
	cmd.Dir = dir
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit) && exit.Exited():
		status = exit.ExitCode()
	default:
		t.Fatalf("dnn %s: %v (stderr %q)", quoteArgs(args), err, errOut.String())
	}
	return out.String(), errOut.String(), status
}

// quoteArgs writes args as a shell would need them.
func quoteArgs(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = a
		if a == "" || strings.ContainsAny(a, " \t\"'") {
			q[i] = fmt.Sprintf("%q", a)
		}
	}
	return strings.Join(q, " ")
}

// Sizes of the generated data: small enough that every run takes
// milliseconds. The pictures' model takes 16×16 RGB pictures.
const (
	fixN, fixM = 20, 30                // features and examples of x.npy
	picSide    = 16                    // side of the pictures predict classifies
	picInputs  = picSide * picSide * 3 // 768 inputs of the pictures' model
	picHidden  = 4                     // units of the pictures' model's hidden layer
	damageMask = 0x5a                  // xored into a byte to damage it
)

// learnableXY returns an (n, m) matrix of values in [-1, 1] and labels
// (1, m) that a small network can learn: 1 where the first two features
// add up to more than 0.
func learnableXY(n, m int) (X, Y *matrix.Dense) {
	X, Y = matrix.Zeros(n, m), matrix.Zeros(1, m)
	for i := range n {
		for j := range m {
			X.Set(i, j, math.Sin(float64(7*i+13*j+1)))
		}
	}
	for j := range m {
		if X.At(0, j)+X.At(1, j) > 0 {
			Y.Set(0, j, 1)
		}
	}
	return X, Y
}

// npyBytes returns a .npy file as np.save writes one.
func npyBytes(t *testing.T, a *npy.Array) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := npy.Write(&b, a); err != nil {
		t.Fatalf("npy.Write: %v", err)
	}
	return b.Bytes()
}

// rawNpy returns a version 1.0 .npy file whose header says descr,
// fortranOrder and shape (a Python tuple such as "(20, 30)"), followed by
// data, whatever they are.
func rawNpy(descr string, fortranOrder bool, shape string, data []byte) []byte {
	order := map[bool]string{false: "False", true: "True"}[fortranOrder]
	dict := fmt.Sprintf("{'descr': '%s', 'fortran_order': %s, 'shape': %s, }", descr, order, shape)
	pad := 64 - (10+len(dict)+1)%64
	n := len(dict) + pad + 1
	h := "\x93NUMPY\x01\x00" + string([]byte{byte(n), byte(n >> 8)}) + dict + strings.Repeat(" ", pad) + "\n"
	return append([]byte(h), data...)
}

// npzBytes returns an .npz archive of the given arrays, in order, as
// np.savez writes one.
func npzBytes(t *testing.T, names []string, arrays ...*matrix.Dense) []byte {
	t.Helper()
	m := map[string]*npy.Array{}
	for i, name := range names {
		m[name] = npy.FromMatrix(arrays[i])
	}
	var b bytes.Buffer
	if err := npy.WriteNPZTo(&b, names, m); err != nil {
		t.Fatalf("npy.WriteNPZTo: %v", err)
	}
	return b.Bytes()
}

// npzArrays returns an .npz archive of the given arrays, in order.
func npzArrays(t *testing.T, names []string, arrays ...*npy.Array) []byte {
	t.Helper()
	m := map[string]*npy.Array{}
	for i, name := range names {
		m[name] = arrays[i]
	}
	var b bytes.Buffer
	if err := npy.WriteNPZTo(&b, names, m); err != nil {
		t.Fatalf("npy.WriteNPZTo: %v", err)
	}
	return b.Bytes()
}

// gradientPicture returns a w×h picture with a colour gradient.
func gradientPicture(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(16 * x), uint8(16 * y), 128, 255})
		}
	}
	return img
}

func pngBytes(t *testing.T, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatalf("png.Encode: %v", err)
	}
	return b.Bytes()
}

func jpegBytes(t *testing.T, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatalf("jpeg.Encode: %v", err)
	}
	return b.Bytes()
}

// pngSize returns a copy of the PNG file b whose header claims w×h pixels
// (its checksum updated): the pixel data no longer fits it.
func pngSize(b []byte, w, h int) []byte {
	c := slices.Clone(b)
	ihdr := c[12:29] // "IHDR", width, height, 5 more bytes; then the CRC
	binary.BigEndian.PutUint32(ihdr[4:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[8:], uint32(h))
	binary.BigEndian.PutUint32(c[29:], crc32.ChecksumIEEE(ihdr))
	return c
}

// damaged returns a copy of b with the byte at i (counted from the end
// when negative) xored with damageMask.
func damaged(b []byte, i int) []byte {
	c := slices.Clone(b)
	if i < 0 {
		i += len(c)
	}
	c[i] ^= damageMask
	return c
}

// badInputFixtures returns the files the cases use, by path relative to a
// case's folder, with slashes; a path ending in a slash is an empty folder.
// A case's folder receives the fixtures its arguments name: a file, the
// files under a folder, or the file or folder a path goes through.
func badInputFixtures(t *testing.T) map[string][]byte {
	t.Helper()
	X, Y := learnableXY(fixN, fixM)
	xBytes, yBytes := npyBytes(t, npy.FromMatrix(X)), npyBytes(t, npy.FromMatrix(Y))
	f8Data := xBytes[len(xBytes)-8*fixN*fixM:] // the 600 values of X after the header

	// The parameters of a 768-4-1 network for pictures of 16×16.
	W1, b1 := matrix.Filled(picHidden, picInputs, 0.001), matrix.Zeros(picHidden, 1)
	W2, b2 := matrix.Filled(1, picHidden, 0.5), matrix.Zeros(1, 1)
	params := npzBytes(t, []string{"W1", "b1", "W2", "b2"}, W1, b1, W2, b2)

	pic := gradientPicture(picSide, picSide)
	pngFile, jpegFile := pngBytes(t, pic), jpegBytes(t, pic)

	tiny := filepath.Join("..", "..", "internal", "dataset", "testdata")
	read := func(path string) []byte {
		b, err := os.ReadFile(filepath.Join(tiny, path))
		if err != nil {
			t.Fatalf("reading a fixture: %v", err)
		}
		return b
	}
	train, test := read("tiny/train.hdf5"), read("tiny/test.hdf5")

	// Hostile files, made here to keep their megabytes out of the project:
	// a group naming one 1 MiB string 65535 times (3.7 MB); files declaring
	// 100000 images of 64×64×3, padded to the size that could hold them
	// compressed (1.2 MB); 1 GiB of zeros deflated into 1.3 MB; a picture of
	// 16 × 3125000 pixels in 52 kB.
	nameBomb, err := hostile.HDF5NameBomb(train)
	if err != nil {
		t.Fatal(err)
	}
	npzBomb, err := hostile.NPZBomb("W1", 1<<30)
	if err != nil {
		t.Fatal(err)
	}
	tall, err := hostile.BlackPNG(16, 3_125_000)
	if err != nil {
		t.Fatal(err)
	}
	padded := func(b []byte) []byte { return append(slices.Clone(b), make([]byte, 1_200_000-len(b))...) }

	f := map[string][]byte{
		"x.npy":            xBytes,
		"y.npy":            yBytes,
		"y1d_short.npy":    npyBytes(t, &npy.Array{Shape: []int{fixM - 1}, Data: Y.RawData()[:fixM-1]}),
		"y_short.npy":      npyBytes(t, &npy.Array{Shape: []int{1, fixM - 1}, Data: Y.RawData()[:fixM-1]}),
		"y_column.npy":     npyBytes(t, &npy.Array{Shape: []int{fixM, 1}, Data: Y.RawData()}),
		"y_labels.npy":     npyBytes(t, &npy.Array{Shape: []int{1, fixM}, Data: append(slices.Repeat([]float64{0, 1}, fixM/2-1), 1, 2)}),
		"y_half.npy":       npyBytes(t, &npy.Array{Shape: []int{1, fixM}, Data: append(make([]float64, fixM-1), 0.5)}),
		"x_empty.npy":      {},
		"x_truncated.npy":  xBytes[:len(xBytes)-100],
		"x_header_cut.npy": xBytes[:40],
		"x_magic.npy":      damaged(xBytes, 1),
		"x_text.npy":       []byte("1,2,3\n4,5,6\n"),
		"x_unicode.npy":    rawNpy("<U5", false, "(20, 30)", make([]byte, 4*5*fixN*fixM)), // 5 UCS-4 characters each
		"x_object.npy":     rawNpy("|O", false, "(20, 30)", make([]byte, 8*fixN*fixM)),
		"x_fortran.npy":    rawNpy("<f8", true, "(20, 30)", f8Data),
		"x_3d.npy":         rawNpy("<f8", false, "(2, 10, 30)", f8Data),
		"x_1d.npy":         rawNpy("<f8", false, "(600,)", f8Data),
		"x_huge.npy":       rawNpy("<f8", false, "(1000000, 1000000)", f8Data),
		"x_noexamples.npy": rawNpy("<f8", false, "(20, 0)", nil),
		"y_noexamples.npy": rawNpy("<f8", false, "(1, 0)", nil),
		"x_nan.npy":        npyBytes(t, &npy.Array{Shape: []int{fixN, fixM}, Data: append(slices.Clone(X.RawData()[:fixN*fixM-1]), math.NaN())}),
		"x_small.npy":      npyBytes(t, npy.FromMatrix(matrix.Filled(fixN-1, fixM, 0.5))),
		"npydir/":          nil,

		"params.npz":           params,
		"params_truncated.npz": params[:len(params)/2],
		"params_damaged.npz":   damaged(params, 1000),
		"params_not_zip.npz":   []byte("W1 = [[1, 2], [3, 4]]\n"),
		"params_no_W2.npz":     npzBytes(t, []string{"W1", "b1", "b2"}, W1, b1, b2),
		"params_no_W.npz":      npzBytes(t, []string{"weights"}, W1),
		"params_chain.npz":     npzBytes(t, []string{"W1", "b1", "W2", "b2"}, W1, b1, matrix.Filled(1, picHidden+1, 0.5), b2),
		"params_b.npz":         npzBytes(t, []string{"W1", "b1", "W2", "b2"}, W1, matrix.Zeros(picHidden, 2), W2, b2),
		"params_two_out.npz":   npzBytes(t, []string{"W1", "b1", "W2", "b2"}, W1, b1, matrix.Filled(2, picHidden, 0.5), matrix.Zeros(2, 1)),
		"params_not_square.npz": npzBytes(t, []string{"W1", "b1", "W2", "b2"},
			matrix.Filled(picHidden, fixN, 0.1), b1, W2, b2),
		"params_nan.npz": npzBytes(t, []string{"W1", "b1", "W2", "b2"},
			W1, b1, W2, matrix.Filled(1, 1, math.NaN())),
		"params_bad_entry.npz": zipBytes(t, map[string][]byte{"W1.npy": []byte("not an array")}),

		"cat.png":            pngFile,
		"cat.jpg":            jpegFile,
		"empty.png":          {},
		"cut.png":            pngFile[:len(pngFile)/2],
		"cut.jpg":            jpegFile[:len(jpegFile)/2],
		"bad.png":            damaged(pngFile, 19),
		"bad.jpg":            damaged(jpegFile, 3),
		"bad2.jpg":           damaged(jpegFile, 5),
		"huge.png":           pngSize(pngFile, 60000, 60000),
		"notes.png":          []byte("this is a text file, not a picture\n"),
		"dot.png":            pngBytes(t, gradientPicture(1, 1)),
		"picdir/":            nil,
		"old.npz":            []byte("an older file that a failed run must keep\n"),
		"oldrep/index.html":  []byte("<p>an older report that a failed run must keep</p>\n"),
		"report.txt":         []byte("a file where the report folder would go\n"),
		"savedir/":           nil,
		"idxrep/index.html/": nil,

		"tiny/train_catvnoncat.h5":      train,
		"tiny/test_catvnoncat.h5":       test,
		"empty/train_catvnoncat.h5":     {},
		"empty/test_catvnoncat.h5":      {},
		"cut/train_catvnoncat.h5":       train[:len(train)/2],
		"cut/test_catvnoncat.h5":        test,
		"cut_test/train_catvnoncat.h5":  train,
		"cut_test/test_catvnoncat.h5":   test[:len(test)-200],
		"signature/train_catvnoncat.h5": damaged(train, 1),
		"signature/test_catvnoncat.h5":  test,
		"onlytrain/train_catvnoncat.h5": train,
		"wrong/train_catvnoncat.h5":     read("wrong_names/train.hdf5"),
		"wrong/test_catvnoncat.h5":      read("wrong_names/test.hdf5"),
		"sizes/train_catvnoncat.h5":     read("sizes/train.hdf5"),
		"sizes/test_catvnoncat.h5":      read("sizes/test.hdf5"),
		"swapped/train_catvnoncat.h5":   test,
		"swapped/test_catvnoncat.h5":    train,
		"x.h5":                          train,
		"oneclass/train_catvnoncat.h5":  read("one_class/train.hdf5"),
		"oneclass/test_catvnoncat.h5":   read("one_class/test.hdf5"),
		"namebomb/train_catvnoncat.h5":  nameBomb,
		"namebomb/test_catvnoncat.h5":   test,
		"hugefill/train_catvnoncat.h5":  padded(read("huge/fill.hdf5")),
		"hugefill/test_catvnoncat.h5":   test,
		"hugegzip/train_catvnoncat.h5":  padded(read("huge/gzip.hdf5")),
		"hugegzip/test_catvnoncat.h5":   test,

		"bomb.npz": npzBomb,
		"tall.png": tall,
		// Layers without units: W1 of shape (1, 0), and (0, 3·2⁴⁰), which
		// once made predict resize pictures to 2²⁰×2²⁰ pixels (26 TB).
		"params_w1_1x0.npz": npzArrays(t, []string{"W1", "b1", "W2", "b2"},
			&npy.Array{Shape: []int{1, 0}}, &npy.Array{Shape: []int{1, 1}, Data: []float64{0}},
			&npy.Array{Shape: []int{1, 1}, Data: []float64{1}}, &npy.Array{Shape: []int{1, 1}, Data: []float64{0}}),
		"params_w1_0rows.npz": npzArrays(t, []string{"W1", "b1", "W2", "b2"},
			&npy.Array{Shape: []int{0, 3 << 40}}, &npy.Array{Shape: []int{0, 1}},
			&npy.Array{Shape: []int{1, 0}}, &npy.Array{Shape: []int{1, 1}, Data: []float64{0}}),
	}
	// Damage the superblock's version and size of offsets, the root group's
	// object header (at 0x60 in files h5py writes: the superblock's last
	// address), its B-tree's signature (at 0x88) and the B-tree's address
	// in the root's symbol table message (at 0x78).
	for _, c := range []struct {
		name string
		at   int
	}{{"superblock", 8}, {"offsets", 13}, {"rootheader", 0x60}, {"btree", 0x88}, {"btreeaddr", 0x79}} {
		f[c.name+"/train_catvnoncat.h5"] = damaged(train, c.at)
		f[c.name+"/test_catvnoncat.h5"] = test
	}
	return f
}

// zipBytes returns a zip archive of the given entries.
func zipBytes(t *testing.T, entries map[string][]byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, name := range slices.Sorted(maps.Keys(entries)) {
		w, err := zw.Create(name)
		if err == nil {
			_, err = w.Write(entries[name])
		}
		if err != nil {
			t.Fatalf("zip: %v", err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatalf("zip: %v", err)
	}
	return b.Bytes()
}

// specialFixtures are the fixtures that are not plain files, by path
// relative to a case's folder, with slashes: "fifo" (a named pipe), "zero"
// (a symbolic link to /dev/zero), "null" (a device node like /dev/null,
// made only as root), "socket", "read-only" (a file of mode 0444) and
// "link:TARGET" (a symbolic link to the fixture TARGET, which is made too).
var specialFixtures = map[string]string{
	"pipe.npy":                    "fifo",
	"pipe.png":                    "fifo",
	"pipe.npz":                    "fifo",
	"pipedir/train_catvnoncat.h5": "fifo",
	"zero.npy":                    "zero",
	"zero.png":                    "zero",
	"zerodir/train_catvnoncat.h5": "zero",
	"socket.npz":                  "socket",
	"null.npz":                    "null",
	"tonull.npz":                  "link:null.npz",
	"locked.npz":                  "read-only",
	"tolocked.npz":                "link:locked.npz",
	"lost.npz":                    "link:nowhere/p.npz",
	"pipedir/test_catvnoncat.h5":  "link:../tiny/test_catvnoncat.h5",
	"zerodir/test_catvnoncat.h5":  "link:../tiny/test_catvnoncat.h5",
}

// writeFixtures writes into dir the fixtures that args name.
func writeFixtures(t *testing.T, dir string, fixtures map[string][]byte, args []string) {
	t.Helper()
	named := func(path string) bool {
		return slices.ContainsFunc(args, func(a string) bool {
			a = filepath.ToSlash(a)
			return a != "" && (a == path || strings.HasPrefix(path, a+"/") || strings.HasPrefix(a, path+"/"))
		})
	}
	for key := range fixtures {
		if path := strings.TrimSuffix(key, "/"); named(path) {
			writeFixture(t, dir, fixtures, key)
		}
	}
	for path := range specialFixtures {
		if named(path) {
			writeFixture(t, dir, fixtures, path)
		}
	}
}

// writeFixture writes into dir the fixture key: a file, a folder (a key
// ending in a slash) or a special fixture.
func writeFixture(t *testing.T, dir string, fixtures map[string][]byte, key string) {
	t.Helper()
	path, isFolder := strings.CutSuffix(key, "/")
	full := filepath.Join(dir, filepath.FromSlash(path))
	if _, err := os.Lstat(full); err == nil {
		return // made already, as the target of a link
	}
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		t.Fatal(err)
	}
	kind, special := specialFixtures[path]
	switch {
	case isFolder:
		if err := os.MkdirAll(full, 0o755); err != nil {
			t.Fatal(err)
		}
	case !special:
		if err := os.WriteFile(full, fixtures[key], 0o644); err != nil {
			t.Fatal(err)
		}
	case strings.HasPrefix(kind, "link:"):
		to := strings.TrimPrefix(kind, "link:")
		if target := filepath.ToSlash(filepath.Join(filepath.Dir(path), to)); fixtures[target] != nil || specialFixtures[target] != "" {
			writeFixture(t, dir, fixtures, target)
		}
		if err := os.Symlink(filepath.FromSlash(to), full); err != nil {
			t.Fatal(err)
		}
	case kind == "read-only":
		if err := os.WriteFile(full, []byte("an older file that must stay as it is\n"), 0o444); err != nil {
			t.Fatal(err)
		}
	default:
		if err := makeSpecial(full, kind); errors.Is(err, errors.ErrUnsupported) {
			t.Skipf("cannot make %s here: %v", path, err)
		} else if err != nil {
			t.Fatal(err)
		}
	}
}

// folderSnapshot returns every file and folder under dir: its mode and
// content, "folder", where a symbolic link points, or the kind of a special
// file.
func folderSnapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	s := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || path == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		switch {
		case d.IsDir():
			s[rel] = "folder"
			return nil
		case d.Type()&fs.ModeSymlink != 0:
			to, err := os.Readlink(path)
			s[rel] = "symbolic link to " + to
			return err
		case !d.Type().IsRegular():
			s[rel] = "special file " + d.Type().String()
			return nil
		}
		st, err := os.Stat(path)
		if err != nil {
			return err
		}
		b, err := os.ReadFile(path)
		s[rel] = st.Mode().String() + " " + string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// folderChanges lists how after differs from before: files added, removed or
// changed.
func folderChanges(before, after map[string]string) []string {
	var c []string
	for p, b := range after {
		a, ok := before[p]
		switch {
		case !ok:
			c = append(c, "added "+p)
		case a != b:
			c = append(c, "changed "+p)
		}
	}
	for p := range before {
		if _, ok := after[p]; !ok {
			c = append(c, "removed "+p)
		}
	}
	slices.Sort(c)
	return c
}

// newOutputs are the output flags most training cases add, so that each case
// also checks that a failed run writes nothing.
var newOutputs = []string{"-save", "new.npz", "-report", "newrep"}

// oldOutputs are output flags naming older outputs that a failed run must keep.
var oldOutputs = []string{"-save", "old.npz", "-report", "oldrep"}

// trainNpy returns the arguments of dnn train on x and y with layer sizes
// fit for them, then newOutputs, then more (which may override them).
func trainNpy(x, y string, more ...string) []string {
	args := []string{"train", "-x", x, "-y", y, "-layers", fmt.Sprintf("%d,3,1", fixN), "-iterations", "5"}
	return append(append(args, newOutputs...), more...)
}

// trainH5 returns the arguments of dnn train on the course's files in dir
// (the tiny data set has 2×2 pictures: 12 features), then newOutputs, then
// more.
func trainH5(dir string, more ...string) []string {
	args := []string{"train", "-data", dir, "-layers", "12,3,1", "-iterations", "5"}
	return append(append(args, newOutputs...), more...)
}

func TestBadInput(t *testing.T) {
	fixtures := badInputFixtures(t)
	type badInputCase struct {
		name string
		args []string
		want []string // phrases stderr must contain
	}
	tests := []badInputCase{
		// The command line.
		{"unknown command", []string{"trian"}, []string{`unknown command "trian"`, "dnn help"}},
		{"unknown flag", append([]string{"train", "-learning-rate", "0.1"}, newOutputs...), []string{"dnn train: ", "-learning-rate", "dnn train -h"}},
		{"unknown flag predict", []string{"predict", "-param", "params.npz", "cat.png"}, []string{"dnn predict: ", "-param"}},
		{"unknown flag demo", []string{"demo", "-save-report", "x"}, []string{"dnn demo: ", "-save-report"}},
		{"unknown flag shapes", []string{"shapes", "12288,20,1", "-n", "5"}, []string{"dnn shapes: ", "-n"}},
		{"unknown flag gradcheck", []string{"gradcheck", "-epsilon", "1e-7"}, []string{"dnn gradcheck: ", "-epsilon"}},
		{"flag without value", []string{"train", "-lr"}, []string{"-lr", "needs an argument"}},
		{"lr abc", trainNpy("x.npy", "y.npy", "-lr", "abc"), []string{`"abc"`, "-lr"}},
		{"lr negative", trainNpy("x.npy", "y.npy", "-lr", "-0.1"), []string{"-lr -0.1", "positive"}},
		{"lr zero", trainNpy("x.npy", "y.npy", "-lr", "0"), []string{"-lr 0", "positive"}},
		{"lr NaN", trainNpy("x.npy", "y.npy", "-lr", "NaN"), []string{"-lr NaN", "positive"}},
		{"lr Inf", trainNpy("x.npy", "y.npy", "-lr", "Inf"), []string{"-lr +Inf", "positive"}},
		{"lr too large", trainNpy("x.npy", "y.npy", "-lr", "1e7"), []string{"-lr 1e+07", "no larger than 1e6"}},
		{"iterations negative", trainNpy("x.npy", "y.npy", "-iterations", "-5"), []string{"-iterations -5", "at least 1"}},
		{"iterations zero", trainNpy("x.npy", "y.npy", "-iterations", "0"), []string{"-iterations 0", "at least 1"}},
		{"iterations not a number", trainNpy("x.npy", "y.npy", "-iterations", "ten"), []string{`"ten"`, "-iterations"}},
		{"iterations too many", trainNpy("x.npy", "y.npy", "-iterations", "99999999999999999999"), []string{"-iterations", "out of range"}},
		{"seed too large", trainNpy("x.npy", "y.npy", "-seed", "99999999999"), []string{"-seed 99999999999", "4294967295"}},
		{"seed negative", trainNpy("x.npy", "y.npy", "-seed", "-1"), []string{`"-1"`, "-seed"}},
		{"layers empty size", trainNpy("x.npy", "y.npy", "-layers", "12288,,1"), []string{`-layers "12288,,1"`, "whole number"}},
		{"layers letters", trainNpy("x.npy", "y.npy", "-layers", "a,b"), []string{`-layers "a,b"`, "whole number"}},
		{"layers zero", trainNpy("x.npy", "y.npy", "-layers", "20,0,1"), []string{`-layers "20,0,1"`, "above 0"}},
		{"layers one size", trainNpy("x.npy", "y.npy", "-layers", "20"), []string{`-layers "20"`, "at least"}},
		{"layers too large", trainNpy("x.npy", "y.npy", "-layers", "20,1000000000000,1"), []string{"20,1000000000000,1", "GB of memory", "smaller layers"}},
		{"layers overflow", trainNpy("x.npy", "y.npy", "-layers", "20,9223372036854775807,1"), []string{"GB of memory"}},
		{"demo layers too large", []string{"demo", "-layers", "2,100000000,1", "-report", "newrep"}, []string{"GB of memory"}},
		{"gradcheck m huge", []string{"gradcheck", "-m", "100000000000000"}, []string{"-m 100000000000000", "at most 100"}},
		{"layers two outputs", trainNpy("x.npy", "y.npy", "-layers", "20,3,2"), []string{"last layer", "1"}},
		{"layers do not match X", trainNpy("x.npy", "y.npy", "-layers", "12288,20,7,5,1"), []string{"20 features", "n[0] is 12288"}},
		{"default layers do not match X", append([]string{"train", "-x", "x.npy", "-y", "y.npy"}, newOutputs...), []string{"20 features", "n[0] is 12288"}},
		{"model foo", trainNpy("x.npy", "y.npy", "-model", "foo"), []string{`-model "foo"`, "l-layer or two-layer"}},
		{"two-layer with 4 sizes", trainNpy("x.npy", "y.npy", "-model", "two-layer", "-layers", "20,7,5,1"), []string{`-layers "20,7,5,1"`, "three sizes"}},
		{"stray argument", []string{"train", "-x", "x.npy", "-y", "y.npy", "extra"}, []string{`unexpected argument "extra"`}},
		{"stray argument demo", []string{"demo", "now"}, []string{`unexpected argument "now"`}},
		{"x without y", append([]string{"train", "-x", "x.npy"}, newOutputs...), []string{"-x and -y go together"}},
		{"y without x", append([]string{"train", "-y", "y.npy"}, newOutputs...), []string{"-x and -y go together"}},
		{"test-x without test-y", trainNpy("x.npy", "y.npy", "-test-x", "x.npy"), []string{"-test-x and -test-y go together"}},
		{"test-x without -x", trainH5("tiny", "-test-x", "x.npy", "-test-y", "y.npy"), []string{"-test-x and -test-y go with -x and -y"}},
		{"test-x features", trainNpy("x.npy", "y.npy", "-test-x", "x_small.npy", "-test-y", "y.npy"), []string{"x_small.npy has 19 features", "x.npy has 20"}},

		// The course's .h5 files.
		{"no data folder", append([]string{"train"}, newOutputs...), []string{filepath.Join("testdata", "datasets", "train_catvnoncat.h5"), `"dnn demo" runs without`}},
		{"missing data folder", trainH5("nowhere"), []string{filepath.Join("nowhere", "train_catvnoncat.h5"), `"dnn demo" runs without`}},
		{"missing test file", trainH5("onlytrain"), []string{filepath.Join("onlytrain", "test_catvnoncat.h5"), "belong in onlytrain"}},
		{"data is a file", trainH5("x.h5"), []string{"x.h5", "not a directory"}},
		{"empty h5", trainH5("empty"), []string{filepath.Join("empty", "train_catvnoncat.h5"), "empty"}},
		{"truncated h5", trainH5("cut"), []string{filepath.Join("cut", "train_catvnoncat.h5"), "truncated"}},
		{"truncated test h5", trainH5("cut_test"), []string{filepath.Join("cut_test", "test_catvnoncat.h5"), "truncated"}},
		{"h5 signature", trainH5("signature"), []string{filepath.Join("signature", "train_catvnoncat.h5"), "not an HDF5 file"}},
		{"h5 superblock version", trainH5("superblock"), []string{filepath.Join("superblock", "train_catvnoncat.h5"), "superblock"}},
		{"h5 offset size", trainH5("offsets"), []string{filepath.Join("offsets", "train_catvnoncat.h5")}},
		{"h5 root object header", trainH5("rootheader"), []string{filepath.Join("rootheader", "train_catvnoncat.h5"), "root group"}},
		{"h5 B-tree", trainH5("btree"), []string{filepath.Join("btree", "train_catvnoncat.h5"), "root group"}},
		{"h5 B-tree address", trainH5("btreeaddr"), []string{filepath.Join("btreeaddr", "train_catvnoncat.h5"), "root group"}},
		{"h5 wrong datasets", trainH5("wrong"), []string{filepath.Join("wrong", "train_catvnoncat.h5"), "train_set_x"}},
		{"h5 swapped files", trainH5("swapped"), []string{"train_set_x"}},
		{"h5 test pictures of another size", trainH5("sizes"), []string{"3×3", "2×2", "same size"}},
		{"h5 layers do not match", append([]string{"train", "-data", "tiny"}, newOutputs...), []string{"12 features", "n[0] is 12288"}},

		// .npy inputs.
		{"x missing", trainNpy("nothere.npy", "y.npy"), []string{"nothere.npy", "no such file"}},
		{"y missing", trainNpy("x.npy", "nothere.npy"), []string{"nothere.npy", "no such file"}},
		{"x empty", trainNpy("x_empty.npy", "y.npy"), []string{"x_empty.npy", "empty"}},
		{"x folder", trainNpy("npydir", "y.npy"), []string{"npydir is a folder, not a file"}},
		{"x truncated", trainNpy("x_truncated.npy", "y.npy"), []string{"x_truncated.npy", "truncated"}},
		{"x header cut", trainNpy("x_header_cut.npy", "y.npy"), []string{"x_header_cut.npy", "ends inside the header"}},
		{"x magic", trainNpy("x_magic.npy", "y.npy"), []string{"x_magic.npy", "not an .npy file"}},
		{"x text", trainNpy("x_text.npy", "y.npy"), []string{"x_text.npy", "not an .npy file"}},
		{"x unicode", trainNpy("x_unicode.npy", "y.npy"), []string{"x_unicode.npy", "<U5"}},
		{"x object", trainNpy("x_object.npy", "y.npy"), []string{"x_object.npy", "|O"}},
		{"x 3-d", trainNpy("x_3d.npy", "y.npy"), []string{"x_3d.npy", "(2, 10, 30)", "features × examples"}},
		{"x 1-d", trainNpy("x_1d.npy", "y.npy"), []string{"x_1d.npy", "(600,)"}},
		{"x huge shape", trainNpy("x_huge.npy", "y.npy"), []string{"x_huge.npy", "(1000000, 1000000)"}},
		{"x no examples", trainNpy("x_noexamples.npy", "y_noexamples.npy"), []string{"(20,0)", "no examples"}},
		{"x NaN", trainNpy("x_nan.npy", "y.npy"), []string{"x_nan.npy", "NaN at row 19, column 29", "finite"}},
		{"x features do not match layers", trainNpy("x_small.npy", "y.npy"), []string{"19 features", "n[0] is 20"}},
		{"y short", trainNpy("x.npy", "y_short.npy"), []string{"y_short.npy", "(1,29)", "want (1,30)"}},
		{"y 1-d short", trainNpy("x.npy", "y1d_short.npy"), []string{"y1d_short.npy", "(1,29)", "want (1,30)"}},
		{"y column", trainNpy("x.npy", "y_column.npy"), []string{"y_column.npy", "(30,1)", "want (1,30)"}},
		{"y label 2", trainNpy("x.npy", "y_labels.npy"), []string{"y_labels.npy", "label 29 is 2", "0 or 1"}},
		{"y label 0.5", trainNpy("x.npy", "y_half.npy"), []string{"y_half.npy", "0.5", "0 or 1"}},
		{"y is X", trainNpy("x.npy", "x.npy"), []string{"(20,30)", "want (1,30)"}},
		{"y unicode", trainNpy("x.npy", "x_unicode.npy"), []string{"x_unicode.npy", "<U5"}},

		// Outputs.
		{"save into a missing folder", trainNpy("x.npy", "y.npy", "-save", filepath.Join("missing", "p.npz")), []string{"-save", "the folder missing does not exist"}},
		{"save onto a folder", trainNpy("x.npy", "y.npy", "-save", "savedir"), []string{"-save savedir", "a folder"}},
		{"report onto a file", trainNpy("x.npy", "y.npy", "-report", "report.txt"), []string{"-report report.txt", "a file"}},
		{"report under a file", trainNpy("x.npy", "y.npy", "-report", filepath.Join("report.txt", "rep")), []string{"-report", "report.txt is not a folder"}},
		{"report page is a folder", trainH5("tiny", "-report", "idxrep"), []string{"-report idxrep", filepath.Join("idxrep", "index.html") + " is a folder"}},
		{"save and report in one place", trainNpy("x.npy", "y.npy", "-save", "same", "-report", "same"), []string{"-save same and -report same", "same place"}},
		{"save onto the report page", trainNpy("x.npy", "y.npy", "-save", filepath.Join("oldrep", "index.html"), "-report", "oldrep"), []string{"same place"}},
		{"demo report onto a file", []string{"demo", "-report", "report.txt", "-iterations", "5"}, []string{"-report report.txt", "a file"}},
		{"diverges", trainNpy("x.npy", "y.npy", "-lr", "1e5", "-iterations", "50"), []string{"the cost became", "at iteration", "smaller learning rate"}},
		{"diverges keeps older outputs", append(trainNpy("x.npy", "y.npy", "-lr", "1e5", "-iterations", "50"), oldOutputs...), []string{"the cost became", "at iteration", "smaller learning rate"}},
		{"diverges fast", trainNpy("x.npy", "y.npy", "-lr", "1e5", "-iterations", "50", "-fast"), []string{"the cost became", "at iteration", "smaller learning rate"}},
		{"bad input keeps older outputs", append(trainNpy("x_truncated.npy", "y.npy"), oldOutputs...), []string{"x_truncated.npy", "truncated"}},
		{"h5 bad input keeps older outputs", append(trainH5("cut"), oldOutputs...), []string{"truncated"}},
		{"demo diverges keeps older outputs", append([]string{"demo", "-lr", "1e5", "-iterations", "50"}, oldOutputs...), []string{"the cost became", "at iteration", "smaller learning rate"}},
		{"demo layers do not match", []string{"demo", "-layers", "3,5,1", "-iterations", "5"}, []string{"2 features", "n[0] is 3"}},

		// predict.
		{"predict without params", []string{"predict", "cat.png"}, []string{"-params is required"}},
		{"predict without pictures", []string{"predict", "-params", "params.npz"}, []string{"at least one picture"}},
		{"predict classes", []string{"predict", "-params", "params.npz", "-classes", "cat", "cat.png"}, []string{`-classes "cat"`, "two names"}},
		{"params missing", []string{"predict", "-params", "nothere.npz", "cat.png"}, []string{"nothere.npz", "no such file"}},
		{"params folder", []string{"predict", "-params", "picdir", "cat.png"}, []string{"picdir is a folder, not a file"}},
		{"params empty", []string{"predict", "-params", "empty.png", "cat.png"}, []string{"empty.png", "zip"}},
		{"params truncated", []string{"predict", "-params", "params_truncated.npz", "cat.png"}, []string{"params_truncated.npz", "zip"}},
		{"params damaged", []string{"predict", "-params", "params_damaged.npz", "cat.png"}, []string{"params_damaged.npz", "W1"}},
		{"params not a zip", []string{"predict", "-params", "params_not_zip.npz", "cat.png"}, []string{"params_not_zip.npz", "not a valid zip"}},
		{"params bad entry", []string{"predict", "-params", "params_bad_entry.npz", "cat.png"}, []string{"params_bad_entry.npz", "W1.npy"}},
		{"params without W2", []string{"predict", "-params", "params_no_W2.npz", "cat.png"}, []string{"params_no_W2.npz holds W1, b1, b2", "no W2"}},
		{"params without W", []string{"predict", "-params", "params_no_W.npz", "cat.png"}, []string{"params_no_W.npz", "no W1"}},
		{"params do not chain", []string{"predict", "-params", "params_chain.npz", "cat.png"}, []string{"params_chain.npz", "W2", "do not chain"}},
		{"params b shape", []string{"predict", "-params", "params_b.npz", "cat.png"}, []string{"params_b.npz", "b1 has shape (4,2)"}},
		{"params two outputs", []string{"predict", "-params", "params_two_out.npz", "cat.png"}, []string{"params_two_out.npz", "1 unit"}},
		{"params not pictures", []string{"predict", "-params", "params_not_square.npz", "cat.png"}, []string{"params_not_square.npz", "20 inputs", "square"}},
		{"params NaN", []string{"predict", "-params", "params_nan.npz", "cat.png"}, []string{"params_nan.npz", "b2 holds NaN", "finite"}},
		{"picture missing", []string{"predict", "-params", "params.npz", "nothere.png"}, []string{"nothere.png: no such file"}},
		{"picture empty", []string{"predict", "-params", "params.npz", "empty.png"}, []string{"empty.png is empty"}},
		{"picture truncated png", []string{"predict", "-params", "params.npz", "cut.png"}, []string{"cut.png: truncated PNG"}},
		{"picture truncated jpeg", []string{"predict", "-params", "params.npz", "cut.jpg"}, []string{"cut.jpg: truncated JPEG"}},
		{"picture corrupt png", []string{"predict", "-params", "params.npz", "bad.png"}, []string{"bad.png: corrupt PNG"}},
		{"picture corrupt jpeg", []string{"predict", "-params", "params.npz", "bad.jpg"}, []string{"bad.jpg: corrupt JPEG"}},
		{"picture corrupt jpeg 2", []string{"predict", "-params", "params.npz", "bad2.jpg"}, []string{"bad2.jpg: corrupt JPEG"}},
		{"picture huge", []string{"predict", "-params", "params.npz", "huge.png"}, []string{"huge.png is 60000×60000 pixels", "limit"}},
		{"picture text", []string{"predict", "-params", "params.npz", "notes.png"}, []string{"notes.png: not a JPEG, PNG or GIF"}},
		{"picture folder", []string{"predict", "-params", "params.npz", "picdir"}, []string{"picdir is a folder, not a file"}},
		{"picture 1x1", []string{"predict", "-params", "params.npz", "dot.png"}, []string{"dot.png is 1×1 pixels", "16×16"}},
		{"picture npz", []string{"predict", "-params", "params.npz", "params.npz"}, []string{"params.npz: not a JPEG, PNG or GIF"}},
		{"second picture bad", []string{"predict", "-params", "params.npz", "cat.png", "cut.jpg"}, []string{"cut.jpg: truncated JPEG"}},
		{"bad pictures among good ones", []string{"predict", "-params", "params.npz", "cut.jpg", "cat.png", "notes.png", "cat.jpg"},
			[]string{"dnn predict: cut.jpg: truncated JPEG", "\ndnn predict: notes.png: not a JPEG, PNG or GIF"}},

		// Files that are not regular files are refused by name, at once.
		{"h5 named pipe", trainH5("pipedir"), []string{filepath.Join("pipedir", "train_catvnoncat.h5") + " is a named pipe (FIFO), not a regular file"}},
		{"h5 link to /dev/zero", trainH5("zerodir"), []string{filepath.Join("zerodir", "train_catvnoncat.h5") + " is a character device, not a regular file"}},
		{"x named pipe", trainNpy("pipe.npy", "y.npy"), []string{"pipe.npy is a named pipe (FIFO), not a regular file"}},
		{"x link to /dev/zero", trainNpy("zero.npy", "y.npy"), []string{"zero.npy is a character device, not a regular file"}},
		{"params named pipe", []string{"predict", "-params", "pipe.npz", "cat.png"}, []string{"pipe.npz is a named pipe (FIFO), not a regular file"}},
		{"picture named pipe", []string{"predict", "-params", "params.npz", "pipe.png"}, []string{"pipe.png is a named pipe (FIFO), not a regular file"}},
		{"picture link to /dev/zero", []string{"predict", "-params", "params.npz", "zero.png"}, []string{"zero.png is a character device, not a regular file"}},

		// -save replaces only regular files it may write.
		{"save onto a named pipe", trainNpy("x.npy", "y.npy", "-save", "pipe.npz"), []string{"-save pipe.npz: pipe.npz is a named pipe (FIFO), not a regular file: it is not replaced"}},
		{"save onto a socket", trainNpy("x.npy", "y.npy", "-save", "socket.npz"), []string{"-save socket.npz: socket.npz is a socket, not a regular file: it is not replaced"}},
		{"save onto a read-only file", trainNpy("x.npy", "y.npy", "-save", "locked.npz"), []string{"-save locked.npz: locked.npz is read-only: it is not replaced"}},
		{"save onto a link to a read-only file", trainNpy("x.npy", "y.npy", "-save", "tolocked.npz"), []string{"-save tolocked.npz: tolocked.npz is read-only"}},
		{"save onto a link into a missing folder", trainNpy("x.npy", "y.npy", "-save", "lost.npz"), []string{"-save lost.npz", "the folder nowhere does not exist"}},
		{"save name too long", trainNpy("x.npy", "y.npy", "-save", strings.Repeat("n", 300)+".npz"), []string{"the file name is 304 bytes long; the limit is 255"}},
		{"demo save onto a named pipe", []string{"demo", "-iterations", "5", "-save", "pipe.npz"}, []string{"-save pipe.npz", "named pipe"}},

		// Exit status 1 naming the problem, not an internal error.
		{"params W1 (1,0)", []string{"predict", "-params", "params_w1_1x0.npz", "cat.png"}, []string{"params_w1_1x0.npz: W1 has shape (1,0): every layer needs at least 1 unit and 1 input"}},
		{"params W1 (0,3·2⁴⁰)", []string{"predict", "-params", "params_w1_0rows.npz", "cat.png"}, []string{"W1 has shape (0,3298534883328)", "at least 1 unit"}},
		{"h5 one class name with -report", trainH5("oneclass"), []string{filepath.Join("oneclass", "train_catvnoncat.h5"), `"list_classes" is S7 of shape (1,), want the 2 names`}},

		// Small files that declare gigabytes.
		{"h5 one name 65535 times", trainH5("namebomb"), []string{filepath.Join("namebomb", "train_catvnoncat.h5"), "add up to far more than the file"}},
		{"h5 never-written images", trainH5("hugefill"), []string{`"train_set_x" declares 100000 images of 64×64×3 (9.8 GB as float64); the limit is`}},
		{"h5 gzip'd images", trainH5("hugegzip"), []string{`"train_set_x" declares 100000 images of 64×64×3 (9.8 GB as float64); the limit is`}},
		{"params deflate bomb", []string{"predict", "-params", "bomb.npz", "cat.png"}, []string{`bomb.npz: entry "W1.npy": shape (1, 1073741824) of |u1 takes 8.6 GB as float64; the limit is`}},
		{"picture 16×3125000", []string{"predict", "-params", "params.npz", "tall.png"}, []string{"tall.png is 16×3125000 pixels: one side is more than 100 times the other"}},
	}
	// Cases of more than one line on stderr, and what they print on stdout.
	more := map[string]struct {
		lines  int    // lines on stderr
		stdout string // a phrase stdout must contain
	}{
		"second picture bad":           {1, "cat.png: 0."},
		"bad pictures among good ones": {2, "cat.png: 0."},
	}
	if os.Geteuid() == 0 {
		// Only root may make a device node (a copy of /dev/null here); as
		// root, -save /dev/null once replaced the device with a file.
		tests = append(tests,
			badInputCase{"save onto a device", trainNpy("x.npy", "y.npy", "-save", "null.npz"), []string{"-save null.npz: null.npz is a character device, not a regular file: it is not replaced"}},
			badInputCase{"save onto a link to a device", trainNpy("x.npy", "y.npy", "-save", "tonull.npz"), []string{"-save tonull.npz: tonull.npz is a character device"}})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			writeFixtures(t, dir, fixtures, tt.args)
			before := folderSnapshot(t, dir)
			stdout, stderr, status := runDNN(t, dir, tt.args...)
			call := "dnn " + quoteArgs(tt.args)
			if status != 1 {
				t.Errorf("%s: exit status %d, want 1", call, status)
			}
			wantLines := max(more[tt.name].lines, 1)
			if lines := strings.Count(stderr, "\n"); lines != wantLines || !strings.HasSuffix(stderr, "\n") {
				t.Errorf("%s: stderr = %q (%d lines), want %d", call, stderr, lines, wantLines)
			}
			if !strings.Contains(stdout, more[tt.name].stdout) {
				t.Errorf("%s: stdout = %q, want it to contain %q", call, stdout, more[tt.name].stdout)
			}
			if !strings.HasPrefix(stderr, "dnn ") && !strings.HasPrefix(stderr, "dnn: ") {
				t.Errorf("%s: stderr = %q, want it to start with the command's name", call, stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("%s: stderr = %q, want it to contain %q", call, stderr, w)
				}
			}
			for _, bad := range []string{"goroutine", "panic", ".go:", "internal error"} {
				if strings.Contains(stdout+stderr, bad) {
					t.Errorf("%s: printed %q on stdout and %q on stderr, want no %q", call, stdout, stderr, bad)
				}
			}
			if c := folderChanges(before, folderSnapshot(t, dir)); len(c) > 0 {
				t.Errorf("%s: the folder changed: %s; want it as it was", call, strings.Join(c, ", "))
			}
			t.Logf("%s: %s", call, strings.TrimSuffix(stderr, "\n"))
		})
	}
}

// TestCommandWorks runs the built command on good inputs of every kind the
// battery spoils: it must succeed, print nothing on stderr, and leave
// exactly the files asked for.
func TestCommandWorks(t *testing.T) {
	dir := t.TempDir()
	X, Y := learnableXY(picInputs, fixM)
	pic := gradientPicture(picSide, picSide)
	for name, b := range map[string][]byte{
		"x.npy":   npyBytes(t, npy.FromMatrix(X)),
		"y.npy":   npyBytes(t, npy.FromMatrix(Y)),
		"cat.png": pngBytes(t, pic),
		"cat.jpg": jpegBytes(t, pic),
		"old.npz": []byte("an older file that training replaces\n"),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mustRun := func(t *testing.T, dir string, args ...string) string {
		t.Helper()
		stdout, stderr, status := runDNN(t, dir, args...)
		if status != 0 || stderr != "" {
			t.Fatalf("dnn %s: exit status %d, stderr %q; want 0 and nothing", quoteArgs(args), status, stderr)
		}
		return stdout
	}

	layers := fmt.Sprintf("%d,%d,1", picInputs, picHidden)
	for _, save := range []string{"p.npz", "old.npz"} {
		args := []string{"train", "-x", "x.npy", "-y", "y.npy", "-layers", layers, "-iterations", "50", "-save", save, "-report", "rep"}
		if out := mustRun(t, dir, args...); !strings.Contains(out, "Train accuracy: ") {
			t.Errorf("dnn %s printed %q, want the training accuracy", quoteArgs(args), out)
		}
		names, arrays, err := npy.ReadNPZ(filepath.Join(dir, save))
		if err != nil {
			t.Fatalf("dnn %s: npy.ReadNPZ(%s): %v", quoteArgs(args), save, err)
		}
		if want := []string{"W1", "b1", "W2", "b2"}; !slices.Equal(names, want) {
			t.Errorf("dnn %s: %s holds %v, want %v", quoteArgs(args), save, names, want)
		}
		for name, want := range map[string][]int{"W1": {picHidden, picInputs}, "b1": {picHidden, 1}, "W2": {1, picHidden}, "b2": {1, 1}} {
			if a := arrays[name]; a == nil || !slices.Equal(a.Shape, want) {
				t.Errorf("dnn %s: %s in %s = %v, want shape %v", quoteArgs(args), name, save, a, want)
			}
		}
	}
	if b, err := os.ReadFile(filepath.Join(dir, "rep", "index.html")); err != nil || !bytes.Contains(b, []byte("</html>")) {
		t.Errorf("dnn train -report rep: rep/index.html: %v, %d bytes; want a whole page", err, len(b))
	}

	args := []string{"predict", "-params", "p.npz", "cat.png", "cat.jpg"}
	out := mustRun(t, dir, args...)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "cat.png: 0.") || !strings.HasPrefix(lines[1], "cat.jpg: 0.") {
		t.Errorf("dnn %s printed %q, want one line per picture: path: probability class", quoteArgs(args), out)
	}

	want := []string{"cat.jpg", "cat.png", "old.npz", "p.npz", "rep", filepath.Join("rep", "index.html"), "x.npy", "y.npy"}
	if got := slices.Sorted(maps.Keys(folderSnapshot(t, dir))); !slices.Equal(got, want) {
		t.Errorf("after train and predict the folder holds %v, want %v (no temporary files)", got, want)
	}

	t.Run("pictures of 2×2", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		fixtures := badInputFixtures(t)
		args := []string{"train", "-data", "tiny", "-layers", "12,3,1", "-iterations", "5", "-report", "rep"}
		writeFixtures(t, dir, fixtures, args)
		mustRun(t, dir, args...)
		if b, err := os.ReadFile(filepath.Join(dir, "rep", "index.html")); err != nil || !bytes.Contains(b, []byte("data:image/png;base64,")) {
			t.Errorf("dnn %s: rep/index.html: %v, %d bytes; want the mislabelled pictures", quoteArgs(args), err, len(b))
		}
	})
	// -save through a symbolic link writes its target and keeps the link.
	t.Run("save through a link", func(t *testing.T) {
		if err := os.Mkdir(filepath.Join(dir, "runs"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(filepath.Join("runs", "run1.npz"), filepath.Join(dir, "latest.npz")); err != nil {
			t.Fatal(err)
		}
		mustRun(t, dir, "train", "-x", "x.npy", "-y", "y.npy", "-layers", layers, "-iterations", "5", "-save", "latest.npz")
		if st, err := os.Lstat(filepath.Join(dir, "latest.npz")); err != nil || st.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("after -save latest.npz, a link to runs/run1.npz: latest.npz is %v (%v), want the link kept", st.Mode(), err)
		}
		if _, _, err := npy.ReadNPZ(filepath.Join(dir, "runs", "run1.npz")); err != nil {
			t.Errorf("after -save latest.npz, a link to runs/run1.npz: %v", err)
		}
	})
	// An X saved in Fortran order, as np.save writes a transposed array,
	// trains exactly as the same X in row-major order.
	t.Run("Fortran-ordered X", func(t *testing.T) {
		dir := t.TempDir()
		X, Y := learnableXY(fixN, fixM)
		// In Fortran order element (i, j) comes at i + j*n: column after column.
		var columns []byte
		for j := range fixM {
			for i := range fixN {
				columns = binary.LittleEndian.AppendUint64(columns, math.Float64bits(X.At(i, j)))
			}
		}
		fortran := rawNpy("<f8", true, fmt.Sprintf("(%d, %d)", fixN, fixM), columns)
		for name, b := range map[string][]byte{"x.npy": npyBytes(t, npy.FromMatrix(X)), "xf.npy": fortran, "y.npy": npyBytes(t, npy.FromMatrix(Y))} {
			if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		train := func(x string) string {
			return mustRun(t, dir, "train", "-x", x, "-y", "y.npy", "-layers", fmt.Sprintf("%d,3,1", fixN), "-iterations", "300")
		}
		costs := func(out string) string { return out[:strings.Index(out, "Trained")] }
		if c, f := costs(train("x.npy")), costs(train("xf.npy")); c != f {
			t.Errorf("training on X in Fortran order printed\n%s\nwant, as in row-major order,\n%s", f, c)
		}
	})
	// numpy's own file: the course's train_x = train_x_orig.reshape(m, -1).T / 255.
	t.Run("numpy's course train_x", func(t *testing.T) {
		dir := t.TempDir()
		b, err := os.ReadFile(filepath.Join("..", "..", "internal", "npy", "testdata", "course_train_x.npy"))
		if err != nil {
			t.Fatal(err)
		}
		for name, b := range map[string][]byte{"train_x.npy": b, "train_y.npy": npyBytes(t, &npy.Array{Shape: []int{1, 5}, Data: []float64{1, 0, 0, 1, 1}})} {
			if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		mustRun(t, dir, "train", "-x", "train_x.npy", "-y", "train_y.npy", "-layers", "48,3,1", "-iterations", "5")
	})
	t.Run("demo in an empty folder", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		mustRun(t, dir, "demo", "-iterations", "5")
		if _, err := os.Stat(filepath.Join(dir, "report", "demo", "index.html")); err != nil {
			t.Errorf("dnn demo -iterations 5 in an empty folder: %v, want report/demo/index.html", err)
		}
	})
}

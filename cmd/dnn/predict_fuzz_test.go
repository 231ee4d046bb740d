package main

import (
	"bytes"
	"image"
	"math"
	"testing"

	"dnn/internal/imageio"
	"dnn/internal/npy"
	"dnn/matrix"
	"dnn/step02_forward"
)

// FuzzPredictParams reads arbitrary bytes as the .npz parameters of
// predict and, when they are accepted, classifies a picture with them, as
// predict does: it must never panic, hang or allocate beyond the memory
// limit. The seeds are good parameters for 2×2 pictures, and parameters
// wrong in one way each: shapes that do not chain, empty layers, a layer of
// 3·2⁴⁰ inputs and none.
func FuzzPredictParams(f *testing.F) {
	good := func(W1 *npy.Array) []byte {
		arrays := map[string]*npy.Array{
			"W1": W1,
			"b1": npy.FromMatrix(matrix.Zeros(W1.Shape[0], 1)),
			"W2": npy.FromMatrix(matrix.Filled(1, W1.Shape[0], 0.5)),
			"b2": npy.FromMatrix(matrix.Zeros(1, 1)),
		}
		var b bytes.Buffer
		if err := npy.WriteNPZTo(&b, []string{"W1", "b1", "W2", "b2"}, arrays); err != nil {
			f.Fatal(err)
		}
		return b.Bytes()
	}
	f.Add(good(npy.FromMatrix(matrix.Filled(3, 12, 0.1))))
	f.Add(good(npy.FromMatrix(matrix.Filled(2, 7, 0.1))))
	f.Add(good(npy.FromMatrix(matrix.Filled(1, 3, math.NaN()))))
	f.Add(good(&npy.Array{Shape: []int{1, 0}}))
	f.Add(good(&npy.Array{Shape: []int{0, 3 << 40}}))
	picture := image.NewRGBA(image.Rect(0, 0, 16, 16))
	f.Fuzz(func(t *testing.T, b []byte) {
		names, arrays, err := npy.ReadNPZFrom(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			return
		}
		p, err := parametersFrom("fuzz.npz", names, arrays)
		if err != nil {
			return
		}
		side, err := pictureSide("fuzz.npz", p)
		if err != nil {
			return
		}
		AL, _ := step02_forward.LModelForward(imageio.Column(picture, side), p)
		if prob := AL.At(0, 0); !(prob >= 0 && prob <= 1) {
			t.Fatalf("the probability of a picture is %v", prob)
		}
	})
}

//go:build !purego

#include "textflag.h"

// The relu layers' loops of loops_amd64.go. The flat loops walk a matrix
// as one run of elements, a whole register at a time and the last one
// masked; colSums walks a panel of neighbouring columns down the rows.
// A register never spans two rows of a row-major matrix in a loop that
// stores: where it did, the next row's load would overlap the masked
// store before it, and wait for it to reach the cache.
//
// relu keeps z where z > 0 or z is NaN, else +0, as Go's max(z, 0) does:
// the comparison "not z <= 0" (predicate NLE_UQ, 0x16) is true for NaN.
// The backward keeps dA where A > 0 (GT_OQ, 0x1e: false for NaN), else +0.

// BIASRELU_TILES runs biasRelu over z (DI, CX elements) a tile of bt (SI,
// R9 elements) at a time, from BX in the tile, with the bias of the whole
// registers of a tile (VEC, as many as R10) and of the last, partial one
// (TAIL, as many elements as R11) at BX. It ends at label done. Its
// labels are the function's: one per function.
#define BIASRELU_TILES(width, log, done) \
tile: \
	TESTQ   CX, CX \
	JEQ     done \
	MOVQ    R9, R10 \
	CMPQ    CX, R9 \
	CMOVQLT CX, R10 \
	SUBQ    R10, CX \
	MOVQ    SI, BX \
	MOVQ    R10, R11 \
	ANDQ    $(width-1), R11 \
	SHRQ    $log, R10 \
	JEQ     tail \
vec: \
	VEC \
	ADDQ    $(8*width), DI \
	ADDQ    $(8*width), BX \
	DECQ    R10 \
	JNZ     vec \
tail: \
	TESTQ   R11, R11 \
	JEQ     tile \
	TAIL \
	JMP     tile

// func biasReluAVX512(z *float64, n int, bt *float64, period int)
TEXT ·biasReluAVX512(SB), NOSPLIT, $0-32
	MOVQ z+0(FP), DI
	MOVQ n+8(FP), CX
	MOVQ bt+16(FP), SI
	MOVQ period+24(FP), R9
	VPXORQ Z2, Z2, Z2

// VEC sets a register of z to relu(z + bias); TAIL the R11 elements left,
// masked (CX, 0 after the last tile, holds the shift).
#define VEC \
	VMOVUPD   (DI), Z0 \
	VADDPD    (BX), Z0, Z0 \
	VCMPPD    $0x16, Z2, Z0, K2 \
	VMOVAPD.Z Z0, K2, Z0 \
	VMOVUPD   Z0, (DI)

#define TAIL \
	MOVQ      R11, CX \
	MOVQ      $1, AX \
	SHLQ      CX, AX \
	DECQ      AX \
	KMOVW     AX, K1 \
	VMOVUPD.Z (DI), K1, Z0 \
	VMOVUPD.Z (BX), K1, Z1 \
	VADDPD    Z1, Z0, Z0 \
	VCMPPD    $0x16, Z2, Z0, K2 \
	VMOVAPD.Z Z0, K2, Z0 \
	VMOVUPD   Z0, K1, (DI) \
	XORQ      CX, CX

	BIASRELU_TILES(8, 3, done512)

#undef VEC
#undef TAIL

done512:
	VZEROUPPER
	RET

// func reluMaskAVX512(dA, A *float64, n int)
TEXT ·reluMaskAVX512(SB), NOSPLIT, $0-24
	MOVQ dA+0(FP), DI
	MOVQ A+8(FP), SI
	MOVQ n+16(FP), CX
	VPXORQ Z2, Z2, Z2
	SUBQ $8, CX
	JLT  masktail512

mask512:
	VMOVUPD   (SI), Z1
	VCMPPD    $0x1e, Z2, Z1, K2 // A > 0
	VMOVUPD.Z (DI), K2, Z0
	VMOVUPD   Z0, (DI)
	ADDQ      $64, DI
	ADDQ      $64, SI
	SUBQ      $8, CX
	JGE       mask512

masktail512:
	ADDQ  $8, CX
	JEQ   maskdone512
	MOVQ  $1, AX
	SHLQ  CX, AX
	DECQ  AX
	KMOVW AX, K1
	VMOVUPD.Z (SI), K1, Z1
	VCMPPD    $0x1e, Z2, Z1, K2
	VMOVUPD.Z (DI), K2, Z0
	VMOVUPD   Z0, K1, (DI)

maskdone512:
	VZEROUPPER
	RET

// func colSumsAVX512(x *float64, m, n, w int, sum *float64)
//
// Three registers of sums, Z3..Z5, for columns 0..7, 8..15 and 16..23 of
// the panel, masked by K1..K3 to the w columns.
TEXT ·colSumsAVX512(SB), NOSPLIT, $0-40
	MOVQ x+0(FP), DI
	MOVQ m+8(FP), R8
	MOVQ n+16(FP), DX
	SHLQ $3, DX
	MOVQ w+24(FP), CX
	MOVQ $1, AX
	SHLQ CX, AX
	DECQ AX
	KMOVW AX, K1
	SHRQ $8, AX
	KMOVW AX, K2
	SHRQ $8, AX
	KMOVW AX, K3
	VPXORQ Z3, Z3, Z3
	VPXORQ Z4, Z4, Z4
	VPXORQ Z5, Z5, Z5

sum512:
	VMOVUPD.Z (DI), K1, Z0
	VMOVUPD.Z 64(DI), K2, Z1
	VMOVUPD.Z 128(DI), K3, Z2
	VADDPD    Z0, Z3, Z3
	VADDPD    Z1, Z4, Z4
	VADDPD    Z2, Z5, Z5
	ADDQ      DX, DI
	DECQ      R8
	JNZ       sum512
	MOVQ      sum+32(FP), BX
	VMOVUPD   Z3, K1, (BX)
	VMOVUPD   Z4, K2, 64(BX)
	VMOVUPD   Z5, K3, 128(BX)
	VZEROUPPER
	RET

// firstLanes holds four all-ones words, then four zero words: the 4 words
// from firstLanes+8*(4-w) select lanes 0..w-1 of a register of 4, none
// for w = 0.
DATA firstLanes<>+0(SB)/8, $-1
DATA firstLanes<>+8(SB)/8, $-1
DATA firstLanes<>+16(SB)/8, $-1
DATA firstLanes<>+24(SB)/8, $-1
DATA firstLanes<>+32(SB)/8, $0
DATA firstLanes<>+40(SB)/8, $0
DATA firstLanes<>+48(SB)/8, $0
DATA firstLanes<>+56(SB)/8, $0
GLOBL firstLanes<>(SB), RODATA|NOPTR, $64

// LANES4 sets mask to select lanes 0..w-1, from w in reg (0..4), which it
// negates.
#define LANES4(reg, mask) \
	NEGQ    reg \
	LEAQ    firstLanes<>+32(SB), AX \
	VMOVDQU (AX)(reg*8), mask

// func biasReluAVX2(z *float64, n int, bt *float64, period int)
TEXT ·biasReluAVX2(SB), NOSPLIT, $0-32
	MOVQ z+0(FP), DI
	MOVQ n+8(FP), CX
	MOVQ bt+16(FP), SI
	MOVQ period+24(FP), R9
	VXORPD Y2, Y2, Y2

// VEC and TAIL as in biasReluAVX512, with registers of 4.
#define VEC \
	VMOVUPD (DI), Y0 \
	VADDPD  (BX), Y0, Y0 \
	VCMPPD  $0x16, Y2, Y0, Y3 \
	VANDPD  Y3, Y0, Y0 \
	VMOVUPD Y0, (DI)

#define TAIL \
	LANES4(R11, Y5) \
	VMASKMOVPD (DI), Y5, Y0 \
	VMASKMOVPD (BX), Y5, Y1 \
	VADDPD     Y1, Y0, Y0 \
	VCMPPD     $0x16, Y2, Y0, Y3 \
	VANDPD     Y3, Y0, Y0 \
	VMASKMOVPD Y0, Y5, (DI) \
	XORQ       CX, CX

	BIASRELU_TILES(4, 2, done256)

#undef VEC
#undef TAIL

done256:
	VZEROUPPER
	RET

// func reluMaskAVX2(dA, A *float64, n int)
TEXT ·reluMaskAVX2(SB), NOSPLIT, $0-24
	MOVQ dA+0(FP), DI
	MOVQ A+8(FP), SI
	MOVQ n+16(FP), CX
	VXORPD Y2, Y2, Y2
	SUBQ $4, CX
	JLT  masktail256

mask256:
	VMOVUPD (SI), Y1
	VCMPPD  $0x1e, Y2, Y1, Y3 // A > 0
	VANDPD  (DI), Y3, Y0
	VMOVUPD Y0, (DI)
	ADDQ    $32, DI
	ADDQ    $32, SI
	SUBQ    $4, CX
	JGE     mask256

masktail256:
	ADDQ $4, CX
	JEQ  maskdone256
	LANES4(CX, Y5)
	VMASKMOVPD (SI), Y5, Y1
	VMASKMOVPD (DI), Y5, Y0
	VCMPPD     $0x1e, Y2, Y1, Y3
	VANDPD     Y3, Y0, Y0
	VMASKMOVPD Y0, Y5, (DI)

maskdone256:
	VZEROUPPER
	RET

// func colSumsAVX2(x *float64, m, n, w int, sum *float64)
//
// Three registers of sums, Y3, Y4, Y6, for columns 0..3, 4..7 and 8..11
// of the panel, masked by Y5, Y7, Y8 to the w columns.
TEXT ·colSumsAVX2(SB), NOSPLIT, $0-40
	MOVQ x+0(FP), DI
	MOVQ m+8(FP), R8
	MOVQ n+16(FP), DX
	SHLQ $3, DX
	MOVQ w+24(FP), CX
	MOVQ CX, R10
	MOVQ $4, R11
	CMPQ CX, R11
	CMOVQGT R11, CX
	LANES4(CX, Y5)
	SUBQ $4, R10 // columns past the first register, up to 8
	MOVQ $0, R12
	CMOVQLT R12, R10
	MOVQ R10, CX
	CMPQ CX, R11
	CMOVQGT R11, CX
	LANES4(CX, Y7)
	SUBQ $4, R10
	CMOVQLT R12, R10
	LANES4(R10, Y8)
	VXORPD Y3, Y3, Y3
	VXORPD Y4, Y4, Y4
	VXORPD Y6, Y6, Y6

sum256:
	VMASKMOVPD (DI), Y5, Y0
	VMASKMOVPD 32(DI), Y7, Y1
	VMASKMOVPD 64(DI), Y8, Y2
	VADDPD     Y0, Y3, Y3
	VADDPD     Y1, Y4, Y4
	VADDPD     Y2, Y6, Y6
	ADDQ       DX, DI
	DECQ       R8
	JNZ        sum256
	MOVQ       sum+32(FP), BX
	VMASKMOVPD Y3, Y5, (BX)
	VMASKMOVPD Y4, Y7, 32(BX)
	VMASKMOVPD Y6, Y8, 64(BX)
	VZEROUPPER
	RET

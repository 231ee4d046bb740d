//go:build !purego

#include "textflag.h"

// func copyNT(dst, src *float64, n int)
//
// Copies n float64s from src to dst, 64 bytes at a time with MOVNTPD, whose
// stores go to memory without first reading the line into the cache; the
// head (one element, to align dst to 16 bytes) and the tail with ordinary
// moves. SFENCE at the end orders the stores before any that follow.
TEXT ·copyNT(SB), NOSPLIT, $0-24
	MOVQ dst+0(FP), DI
	MOVQ src+8(FP), SI
	MOVQ n+16(FP), CX
	TESTQ CX, CX
	JLE done
	TESTQ $8, DI
	JZ aligned
	MOVQ (SI), AX
	MOVQ AX, (DI)
	ADDQ $8, SI
	ADDQ $8, DI
	DECQ CX

aligned:
	CMPQ CX, $8
	JL tail

loop8:
	MOVUPD (SI), X0
	MOVUPD 16(SI), X1
	MOVUPD 32(SI), X2
	MOVUPD 48(SI), X3
	MOVNTPD X0, (DI)
	MOVNTPD X1, 16(DI)
	MOVNTPD X2, 32(DI)
	MOVNTPD X3, 48(DI)
	ADDQ $64, SI
	ADDQ $64, DI
	SUBQ $8, CX
	CMPQ CX, $8
	JGE loop8

tail:
	TESTQ CX, CX
	JZ fence

tailloop:
	MOVQ (SI), AX
	MOVQ AX, (DI)
	ADDQ $8, SI
	ADDQ $8, DI
	DECQ CX
	JNZ tailloop

fence:
	SFENCE

done:
	RET

#include "textflag.h"

// func addFloats(dst, src []float32)
// dst[i] += src[i] for every i < len(src); the caller makes sure len(dst) >= len(src).
// SSE (every amd64 has it), four lanes at a time; each lane is the same IEEE single
// precision addition as the scalar loop, so the sums are bit for bit the same.
TEXT ·addFloats(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ src_base+24(FP), SI
	MOVQ src_len+32(FP), CX
loop8:
	CMPQ CX, $8
	JB   loop4
	MOVUPS (DI), X0
	MOVUPS 16(DI), X1
	MOVUPS (SI), X2
	MOVUPS 16(SI), X3
	ADDPS X2, X0
	ADDPS X3, X1
	MOVUPS X0, (DI)
	MOVUPS X1, 16(DI)
	ADDQ $32, DI
	ADDQ $32, SI
	SUBQ $8, CX
	JMP  loop8
loop4:
	CMPQ CX, $4
	JB   tail
	MOVUPS (DI), X0
	MOVUPS (SI), X2
	ADDPS X2, X0
	MOVUPS X0, (DI)
	ADDQ $16, DI
	ADDQ $16, SI
	SUBQ $4, CX
tail:
	TESTQ CX, CX
	JZ    done
	MOVSS (DI), X0
	ADDSS (SI), X0
	MOVSS X0, (DI)
	ADDQ $4, DI
	ADDQ $4, SI
	DECQ CX
	JMP  tail
done:
	RET

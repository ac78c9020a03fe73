package asl

import "sync"

// scheduler lets one lane (a goroutine running a state machine, a Parallel
// branch or a Map iteration) run at a time, handing the turn round-robin at
// every state transition and Task call, like the event loop of a
// single-threaded engine: branches and iterations interleave, yet every run
// of the same workflow with the same mocks is the same, and mocks are never
// called concurrently.
type scheduler struct {
	mu      sync.Mutex
	queue   []chan struct{}
	running bool
}

// enqueue reserves a turn: the returned channel is closed when it comes.
func (s *scheduler) enqueue() chan struct{} {
	ch := make(chan struct{})
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.running {
		s.running = true
		close(ch)
		return ch
	}
	s.queue = append(s.queue, ch)
	return ch
}

// acquire waits for a turn.
func (s *scheduler) acquire() { <-s.enqueue() }

// release ends the current turn and starts the next queued one.
func (s *scheduler) release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.queue) == 0 {
		s.running = false
		return
	}
	next := s.queue[0]
	s.queue = s.queue[1:]
	close(next)
}

// yield lets the other runnable lanes have a turn.
func (s *scheduler) yield() {
	s.mu.Lock()
	if len(s.queue) == 0 {
		s.mu.Unlock()
		return
	}
	s.mu.Unlock()
	ch := make(chan struct{})
	s.mu.Lock()
	next := s.queue[0]
	s.queue = append(s.queue[1:], ch)
	close(next)
	s.mu.Unlock()
	<-ch
}

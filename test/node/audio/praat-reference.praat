# Praat reference measures for one file (used by test/node/audio/praat-agreement.test.ts).
# Prints "frame <time> <f0 or 0>" per pitch frame, then "key value" lines for the voice report.
form Reference
  sentence path
endform
sound = Read from file: path$
channels = Get number of channels
if channels > 1
  mono = Convert to mono
  removeObject: sound
  sound = mono
endif
selectObject: sound
formant = To Formant (burg): 0.01, 5, 5500, 0.025, 50
selectObject: sound
pitch = To Pitch (ac): 0, 75, 15, "no", 0.03, 0.45, 0.01, 0.35, 0.14, 600
n = Get number of frames
for i to n
  selectObject: pitch
  t = Get time from frame number: i
  f = Get value in frame: i, "Hertz"
  if f = undefined
    f = 0
  endif
  selectObject: formant
  f1 = Get value at time: 1, t, "hertz", "linear"
  f2 = Get value at time: 2, t, "hertz", "linear"
  f3 = Get value at time: 3, t, "hertz", "linear"
  if f1 = undefined
    f1 = 0
  endif
  if f2 = undefined
    f2 = 0
  endif
  if f3 = undefined
    f3 = 0
  endif
  appendInfoLine: "frame ", fixed$(t, 6), " ", fixed$(f, 4), " ", fixed$(f1, 1), " ", fixed$(f2, 1), " ", fixed$(f3, 1)
endfor
selectObject: pitch
meanF0 = Get mean: 0, 0, "Hertz"
appendInfoLine: "meanF0 ", meanF0
selectObject: sound, pitch
pp = To PointProcess (cc)
jitter = Get jitter (local): 0, 0, 0.0001, 0.02, 1.3
appendInfoLine: "jitterLocal ", jitter
selectObject: sound, pp
shimmer = Get shimmer (local_dB): 0, 0, 0.0001, 0.02, 1.3, 1.6
appendInfoLine: "shimmerLocaldB ", shimmer
selectObject: sound
harm = To Harmonicity (cc): 0.01, 75, 0.1, 1.0
hnr = Get mean: 0, 0
appendInfoLine: "HNRdB ", hnr
nh = Get number of frames
for i to nh
  selectObject: harm
  t = Get time from frame number: i
  v = Get value in frame: i
  appendInfoLine: "harm ", fixed$(t, 6), " ", fixed$(v, 4)
endfor
